#pragma once
// Tokens and sentences over the extracted article text. Every offset in
// src/extract is a byte offset into that UTF-8 text (after HTML stripping).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bm::extract {

// One byte, after `lower`: a text has about one token per five bytes, so a
// token's size (56 bytes, not 64) is much of extract's memory on a long text.
enum class TokKind : unsigned char { word, number, punct };

struct Token {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string lower;  // lower case (ICU for non-ASCII words); possessive 's / ’s stripped
  TokKind kind = TokKind::word;
  bool capital = false;  // starts with an upper-case letter (Latin or Cyrillic)
  bool cyrillic = false;
  bool possessive = false;
};

struct Sentence {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t first = 0;  // index of the first token
  std::size_t last = 0;   // one past the last token
};

std::vector<Token> tokenize(std::string_view text);
// Sentences end at . ! ? followed by a space and at line breaks (headlines).
std::vector<Sentence> split_sentences(std::string_view text, const std::vector<Token>& toks);

std::string lower_ascii(std::string_view s);

// "MoES", "ISPR", "МЧС": a word with two or more capitals (Latin or Cyrillic).
bool is_acronym(std::string_view text, const Token& t);
std::string_view trim(std::string_view s);

}  // namespace bm::extract
