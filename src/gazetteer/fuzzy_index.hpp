#pragma once
// The fuzzy pass's candidate index: a symmetric-deletion ("SymSpell")
// table. Every key is stored under each string its first kFuzzyPrefix bytes
// become with a few bytes deleted; a query looks up the same deletions of
// its own first bytes. Two beginnings within d edits (insert, delete,
// substitute, swap neighbours) share such a string with at most d deletions
// on each side, so every name whose beginning is close to the query's is
// found in ~30 probes, whatever its length — instead of counting trigrams
// over thousands of postings per query. Keys the similarity limit lets
// differ by three edits or more (the longer of the two has >= 14 bytes) are
// also stored by their last kFuzzyPrefix bytes: up to five edits, one end
// holds at most two. A key of 28 bytes or more with three edits at each end
// is missed (tests/gazetteer/fuzzy_index_test.cpp measures the recall).
// Strings are stored as hashes only: a collision adds a candidate, which
// the edit-distance check after it rejects; it never hides one.
#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bm {

// Spelling similarity (1 - edits / longer length) below which two keys
// are not the same name.
inline constexpr double kFuzzyMin = 0.78;
// Edits two keys may differ by when the longer has `len` bytes.
int fuzzy_edits_within(std::size_t len);

inline constexpr std::size_t kFuzzyPrefix = 7;
inline constexpr int kFuzzyDeletions = 2;
// Buckets of the table: 2^22, a few variants each for ~400k names.
inline constexpr std::uint32_t kFuzzyBucketBits = 22;
inline constexpr std::size_t kFuzzyBuckets = std::size_t{1} << kFuzzyBucketBits;
// Sound keys longer than this are counted as this long when the fuzzy pass
// picks names of about the query's length.
inline constexpr std::size_t kMaxKeyLength = 255;

// A string `key` is stored or looked up under: its hash and how many bytes
// were deleted to make it.
struct FuzzyVariant {
  std::uint32_t hash = 0;
  std::uint32_t deletions = 0;
  bool operator<(const FuzzyVariant& o) const {
    return hash != o.hash ? hash < o.hash : deletions < o.deletions;
  }
};
// Appends `key`'s variants (duplicates included: see unique_variants).
void fuzzy_variants(std::string_view key, std::vector<FuzzyVariant>& out);
// Sorts and keeps one variant per hash, the one with fewest deletions.
void unique_variants(std::vector<FuzzyVariant>& v);
inline std::uint32_t fuzzy_bucket(std::uint32_t hash) {
  return hash & static_cast<std::uint32_t>(kFuzzyBuckets - 1);
}
// A posting is an entry number with the variant's deletions in the top two
// bits: a pair allowed one edit needs no variant of two deletions.
inline constexpr std::uint32_t kPostingEntryBits = 30;
inline constexpr std::uint32_t kPostingEntryMask = (1u << kPostingEntryBits) - 1;

// The table as two arrays: bucket b holds postings[dir[b], dir[b + 1]),
// entry numbers ascending (at most 2^30 entries). `keys_of(e, out)` appends entry e's keys.
struct FuzzyTable {
  std::vector<std::uint32_t> dir, postings;
};
template <class KeysOf>
FuzzyTable build_fuzzy_table(std::size_t n_entries, KeysOf keys_of);

// Changes whenever the way keys are stored changes: part of the cache's name.
std::string fuzzy_fingerprint();

template <class KeysOf>
FuzzyTable build_fuzzy_table(std::size_t n_entries, KeysOf keys_of) {
  FuzzyTable t;
  t.dir.assign(kFuzzyBuckets + 1, 0);
  std::vector<FuzzyVariant> variants;
  std::vector<std::string_view> keys;
  // Two passes (count, then fill) instead of sorting tens of millions of pairs.
  auto each = [&](auto&& use) {
    for (std::size_t e = 0; e < n_entries; ++e) {
      variants.clear();
      keys.clear();
      keys_of(e, keys);
      for (std::string_view k : keys) fuzzy_variants(k, variants);
      unique_variants(variants);
      for (const FuzzyVariant& v : variants)
        use(fuzzy_bucket(v.hash), static_cast<std::uint32_t>(e) | v.deletions << kPostingEntryBits);
    }
  };
  if (n_entries > kPostingEntryMask) return t;  // no fuzzy pass rather than a wrong one
  each([&](std::uint32_t b, std::uint32_t) { ++t.dir[b + 1]; });
  for (std::size_t b = 0; b < kFuzzyBuckets; ++b) t.dir[b + 1] += t.dir[b];
  t.postings.resize(t.dir[kFuzzyBuckets]);
  std::vector<std::uint32_t> fill(t.dir.begin(), t.dir.end() - 1);
  // Entries come in ascending order, so each bucket's run is sorted.
  each([&](std::uint32_t b, std::uint32_t posting) { t.postings[fill[b]++] = posting; });
  return t;
}

}  // namespace bm
