#include "pipeline/stretch_places.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <string_view>

namespace bm {
namespace {

constexpr std::string_view kKeywords[] = {"stretch", "section", "segment", "sector"};

// Lower case (ASCII), hyphens, dashes, quotes and punctuation as one space:
// "Tavush–Gazakh 'four villages'" and "tavush gazakh four villages" match.
std::string normalise(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char ch = static_cast<unsigned char>(s[i]);
    bool gap = ch == '-' || ch == '\'' || ch == '"' || ch == ',' || ch == '.' || ch == ' ' ||
               ch == '/' || ch == ':';
    if (ch == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      i += 2;  // U+2010..U+201F: dashes and typographic quotes
      gap = true;
    }
    if (gap) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += static_cast<char>(std::tolower(ch));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string strip_front(std::string s, std::string_view word) {
  return s.starts_with(word) ? s.substr(word.size()) : s;
}

// "xx-yy-rest" with two-letter country codes and a lower-case rest.
bool looks_like_id(std::string_view s) {
  if (s.size() < 7 || s[2] != '-' || s[5] != '-') return false;
  return std::all_of(s.begin(), s.end(), [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) || ch == '-';
  });
}

// The name's parts a writer may name the stretch by.
std::vector<std::string> name_parts(const std::string& name) {
  std::string head = name.substr(0, name.find(" ("));
  std::vector<std::string> out;
  std::size_t from = 0;
  while (from <= head.size()) {
    std::size_t slash = head.find(" / ", from), colon = head.find(": ", from);
    std::size_t at = std::min(slash, colon);
    std::string part = normalise(head.substr(from, at - from));
    for (auto k : kKeywords)
      if (part.ends_with(" " + std::string(k))) part.resize(part.size() - k.size() - 1);
    if (!part.empty()) out.push_back(part);
    if (at == std::string::npos) break;
    from = at + (at == slash ? 3 : 2);
  }
  return out;
}

bool holds_words(const std::string& text, const std::string& words) {
  std::string t = " " + text + " ", w = " " + words + " ";
  return t.find(w) != std::string::npos;
}

}  // namespace

std::optional<StretchName> stretch_name(const std::string& place) {
  if (looks_like_id(place)) return StretchName{"", place, ""};
  std::string text = strip_front(place, "the ");
  text = strip_front(text, "The ");
  for (auto k : kKeywords) {
    std::string key = " " + std::string(k);
    std::size_t at = text.find(key);
    if (at == std::string::npos || at == 0) continue;
    std::string rest = text.substr(at + key.size());
    // "… stretch of the A–B border": anything else after the keyword ("a
    // stretch of road") is not a border stretch.
    if (!rest.empty() &&
        !(rest.starts_with(" of ") && (rest.ends_with(" border") || rest.ends_with(" boundary"))))
      continue;
    std::string words = normalise(text.substr(0, at));
    if (words.empty()) continue;
    return StretchName{words, "", rest.empty() ? "" : rest.substr(4)};
  }
  return std::nullopt;
}

std::optional<std::pair<std::string, std::string>> id_countries(const std::string& id) {
  if (!looks_like_id(id)) return std::nullopt;
  std::string a = id.substr(0, 2), b = id.substr(3, 2);
  for (auto* s : {&a, &b})
    for (char& ch : *s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return std::pair{a, b};
}

std::vector<const BorderSegment*> named_segments(const StretchName& name,
                                                 const std::vector<BorderSegment>& segments) {
  std::vector<const BorderSegment*> exact, loose;
  std::set<std::string> loose_ids;
  for (const auto& s : segments) {
    if (!name.id.empty()) {
      if (normalise(s.id) == normalise(name.id)) exact.push_back(&s);
      continue;
    }
    auto parts = name_parts(s.name);
    if (std::find(parts.begin(), parts.end(), name.words) != parts.end())
      exact.push_back(&s);
    else if (holds_words(normalise(s.name), name.words))
      loose.push_back(&s), loose_ids.insert(s.id);
  }
  if (!exact.empty()) {
    std::set<std::string> ids;
    for (const auto* s : exact) ids.insert(s->id);
    return ids.size() == 1 ? exact : std::vector<const BorderSegment*>{};
  }
  return loose_ids.size() == 1 ? loose : std::vector<const BorderSegment*>{};
}

std::string stretch_label(const std::string& segment_name) {
  return segment_name.substr(0, segment_name.find(" ("));
}

}  // namespace bm
