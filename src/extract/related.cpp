#include "extract/related.hpp"

#include <algorithm>

namespace bm::extract {
namespace {

// The words that open a link to another story, up to its colon.
bool related_cue(const std::vector<Token>& toks, std::size_t i, std::size_t last) {
  auto at = [&](std::size_t k) -> std::string_view {
    return k < last ? std::string_view(toks[k].lower) : std::string_view();
  };
  std::size_t colon = i;
  if ((at(i) == "read" || at(i) == "also" || at(i) == "see") &&
      (at(i + 1) == "more" || at(i + 1) == "also" || at(i + 1) == "read"))
    colon = i + 2;
  else if (at(i) == "related" || at(i) == "recommended" || at(i) == "more")
    colon = i + 1;
  if (colon == i) return false;
  if (at(colon) == "stories" || at(colon) == "story" || at(colon) == "news") ++colon;
  return at(colon) == ":" || at(colon) == "|" || at(colon) == "\xE2\x80\x94";
}

// The sentence starts a line (a link stands on a line of its own).
bool starts_line(std::string_view text, const Sentence& s) {
  std::size_t k = s.begin;
  while (k > 0 && (text[k - 1] == ' ' || text[k - 1] == '\t')) --k;
  return k == 0 || text[k - 1] == '\n';
}

}  // namespace

std::vector<std::string> drop_related_headlines(std::string_view text,
                                                const std::vector<Token>& toks,
                                                std::vector<Sentence>& sents) {
  std::vector<std::string> dropped;
  std::erase_if(sents, [&](const Sentence& s) {
    if (!starts_line(text, s) || !related_cue(toks, s.first, s.last)) return false;
    dropped.emplace_back(text.substr(s.begin, s.end - s.begin));
    return true;
  });
  return dropped;
}

}  // namespace bm::extract
