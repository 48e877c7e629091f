#pragma once
// The keys names are compared by. All keys are ASCII lower case.
#include <cstdint>
#include <string>
#include <string_view>

namespace bm {

// Exact key: Unicode NFC, lower case, Cyrillic (Russian, Kyrgyz, Tajik) to
// Latin in BGN/PCGN style, any other script through ICU's Any-Latin,
// diacritics folded (Latin-ASCII); apostrophes dropped ("O'sh" = "Osh"),
// every other run of non-alphanumerics one space ("Kök-Tash" = "kok tash").
std::string normalize_name(std::string_view name);

// Sound-alike key of an exact key: spaces dropped and the spellings that
// romanisations and journalists mix up made equal (kh/h, zh/dzh/dj/j, gh/g,
// sh/ch/ts, q/k, y before a vowel, e/i/y, o/u, doubled letters...).
std::string sound_key(std::string_view key);

// Removes a generic area word ("region", "oblast", "district", "viloyati"...)
// before or after the name; returns true when one was removed.
bool strip_area_word(std::string& key);

// Removes a settlement word ("village", "town", "city"... after the name,
// "village of" before it); returns true when one was removed.
bool strip_settlement_word(std::string& key);

// An exact key that is an article or preposition alone ("the", "of", "de"),
// or under two letters: what is left of "The City" without its generic word
// is no name.
bool is_function_word(std::string_view key);

// Changes whenever the keys above would change (transliteration rules or
// sound-key rules): the index cache stores it and is rebuilt on mismatch.
std::string keys_fingerprint();

// Edit distance (Levenshtein with adjacent transpositions) — used on keys.
int edit_distance(std::string_view a, std::string_view b);
// The same when it is at most `limit`, else limit + 1: a band of the table
// around the diagonal, given up as soon as no cell can come back under the
// limit. What the fuzzy pass needs ("within k edits?") at a fraction of the cost.
int edit_distance_within(std::string_view a, std::string_view b, int limit);

// edit_distance from one key to many: Hyyrö's bit-parallel algorithm for
// the distance with adjacent transpositions (2003), a few word operations per
// byte of the other key. Keys longer than 64 bytes take the table instead.
class EditPattern {
 public:
  explicit EditPattern(std::string_view key);
  // edit_distance(key, other) when at most `limit`, else limit + 1.
  int distance_within(std::string_view other, int limit) const;

 private:
  std::string_view key_;
  std::uint64_t positions_[256] = {};  // bit i: key_[i] is this byte
};

}  // namespace bm
