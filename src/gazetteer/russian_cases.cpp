// Russian text declines place names ("в Баткенской области", "из Исфары",
// "жители Воруха"); the gazetteer holds the nominative. These rules undo the
// common case endings of adjectives and nouns. They over-generate on
// purpose: a form counts only when the gazetteer holds it (see resolve()).
#include "gazetteer/russian_cases.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <utility>

#include "core/strings.hpp"
#include "gazetteer/context.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/index.hpp"
#include "gazetteer/normalize.hpp"

namespace bm {
namespace {

// Words before a name that are no part of it: prepositions, and settlement
// or area words in any case ("в селе Ворух", "жители кишлака Ворух").
constexpr std::array kLeadingWords = {
    "в",       "во",      "из",      "изо",     "на",      "у",       "под",     "около",
    "возле",   "близ",    "с",       "со",      "до",      "от",      "к",       "ко",
    "по",      "при",     "за",      "над",     "между",   "через",   "для",     "жители",
    "жителей", "село",    "села",    "селе",    "селом",   "деревня", "деревни", "деревне",
    "посёлок", "посёлка", "посёлке", "поселок", "поселка", "поселке", "город",   "города",
    "городе",  "городом", "кишлак",  "кишлака", "кишлаке", "айыл",    "айыла",   "айыле",
    "анклав",  "анклава", "анклаве", "джамоат", "джамоата"};

struct Ending {
  const char* oblique;
  const char* nominative;
};
// Longest endings first; every rule that fits gives a form.
constexpr std::array kEndings = {
    // area words
    Ending{"областью", "область"}, Ending{"области", "область"}, Ending{"районом", "район"},
    Ending{"района", "район"}, Ending{"районе", "район"}, Ending{"району", "район"},
    // adjectives: -ская (область) / -ский (район)
    Ending{"ского", "ский"}, Ending{"скому", "ский"}, Ending{"ским", "ский"},
    Ending{"ском", "ский"}, Ending{"ской", "ская"}, Ending{"ской", "ский"}, Ending{"скую", "ская"},
    // other adjectives
    Ending{"ого", "ый"}, Ending{"ого", "ий"}, Ending{"ого", "ой"}, Ending{"его", "ий"},
    Ending{"ому", "ый"}, Ending{"ему", "ий"}, Ending{"ой", "ая"}, Ending{"ой", "ый"},
    Ending{"ой", "а"}, Ending{"ей", "яя"}, Ending{"ей", "я"}, Ending{"ей", "ь"}, Ending{"ую", "ая"},
    Ending{"ым", "ый"}, Ending{"ом", ""}, Ending{"ем", "ь"}, Ending{"ем", "й"}, Ending{"ём", "ь"},
    Ending{"ою", "а"},
    // nouns
    Ending{"ы", "а"}, Ending{"и", "я"}, Ending{"и", "ь"}, Ending{"и", "а"}, Ending{"е", ""},
    Ending{"е", "а"}, Ending{"е", "я"}, Ending{"е", "ь"}, Ending{"е", "й"}, Ending{"у", "а"},
    Ending{"у", ""}, Ending{"ю", "я"}, Ending{"ю", "ь"}, Ending{"а", ""}, Ending{"я", "ь"},
    Ending{"я", "й"}, Ending{"я", ""}};

constexpr std::size_t kMaxForms = 64;

bool has_cyrillic(std::string_view s) {
  // UTF-8 lead bytes of U+0400..U+04FF.
  return std::any_of(s.begin(), s.end(), [](char c) {
    auto b = static_cast<unsigned char>(c);
    return b == 0xD0 || b == 0xD1 || b == 0xD2 || b == 0xD3;
  });
}

std::string lower_ru(std::string_view s) {
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<std::int32_t>(s.size())));
  u.toLower(icu::Locale("ru"));
  std::string out;
  u.toUTF8String(out);
  return out;
}

// The word itself and every nominative its ending allows. A stem keeps at
// least two letters (4 bytes of Cyrillic) so short words stay as they are.
std::vector<std::string> word_forms(const std::string& w) {
  std::vector<std::string> out{w};
  for (const Ending& e : kEndings) {
    std::string_view end(e.oblique);
    if (w.size() < end.size() + 4 || !w.ends_with(end)) continue;
    std::string f = w.substr(0, w.size() - end.size()) + e.nominative;
    if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
  }
  return out;
}

// "Сюникская область", "Тавушского района": an area named by the adjective
// of its place's name ("Сюник", "Тавуш"); "-ийская" drops the "-ий" too
// ("Согдийская" -> "Согд"). Counted only when the gazetteer holds an area so.
void add_named_for(const std::vector<std::string>& words, std::vector<std::string>& forms) {
  if (words.size() != 2 || !(words[1].starts_with("област") || words[1].starts_with("район")))
    return;
  for (const std::string& f : word_forms(words[0])) {
    if (!f.ends_with("ская") && !f.ends_with("ский")) continue;
    std::string stem = f.substr(0, f.size() - std::string_view("ская").size());
    if (stem.size() < 4 || forms.size() >= kMaxForms) continue;
    forms.push_back(stem);
    if (stem.ends_with("ий") && stem.size() >= 8) forms.push_back(stem.substr(0, stem.size() - 4));
  }
}

}  // namespace

std::vector<std::string> nominative_forms(std::string_view name) {
  if (!has_cyrillic(name)) return {};
  std::vector<std::string> words = split(lower_ru(name), ' ');
  words.erase(std::remove(words.begin(), words.end(), std::string()), words.end());
  auto leading = [](const std::string& w) {
    return std::find(kLeadingWords.begin(), kLeadingWords.end(), w) != kLeadingWords.end();
  };
  while (words.size() > 1 && leading(words.front())) words.erase(words.begin());
  // Every combination of the words' forms, the words as written first.
  std::vector<std::string> forms{""};
  for (const std::string& w : words) {
    std::vector<std::string> next;
    for (const std::string& head : forms)
      for (const std::string& f : word_forms(w))
        if (next.size() < kMaxForms) next.push_back(head.empty() ? f : head + " " + f);
    forms = std::move(next);
  }
  add_named_for(words, forms);
  return forms;
}

namespace {

// A guessed nominative that only sounds like a name ("данныя" ~ Dania) is a
// common word as often as a place: taken for a region or curated row, or a
// place in the hinted country, never for any bulk town elsewhere.
bool trusted_sound_alike(const Place& p, const ResolveHints& hints) {
  return is_area_kind(p) || is_curated(p) ||
         (!hints.country.empty() && country_matches(p, hints.country));
}

}  // namespace

Resolution Gazetteer::resolve_nominative(std::string_view name, const ResolveHints& given) const {
  // "… области", "… района" name an area: only an area answers them
  // ("Тавушской области" is the province, not the town of Tavush).
  const std::string lowered = lower_ru(name);
  const bool area_phrase =
      lowered.find("област") != std::string::npos || lowered.find("район") != std::string::npos;
  ResolveHints hints = given;
  hints.wants_area = hints.wants_area || area_phrase;
  Resolution best;
  for (const std::string& form : nominative_forms(name)) {
    // Only a form the gazetteer holds (as written or sound-alike, with or
    // without its area word): "Сугдийская" sounds like "Согдийская".
    std::string key = normalize_name(form), bare = key;
    strip_area_word(bare);
    auto held = [&](const std::string& k) {
      return !index_->find_key(k).empty() || !index_->find_sound(sound_key(k)).empty();
    };
    if (!held(key) && !held(bare)) continue;
    Resolution r = resolve_name(form, hints);
    if (!r.place || r.match_type == MatchType::fuzzy) continue;
    if (r.match_type == MatchType::variant && !trusted_sound_alike(*r.place, hints)) continue;
    if (area_phrase && !is_area_kind(*r.place)) continue;
    if (!best.place || r.confidence > best.confidence) {
      r.note = "read as the nominative '" + form + "'" + (r.note.empty() ? "" : "; " + r.note);
      best = std::move(r);
    }
  }
  return best;
}

}  // namespace bm
