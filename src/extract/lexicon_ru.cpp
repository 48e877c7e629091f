#include "extract/lexicon_ru.hpp"

#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace bm::extract::lex::ru {
namespace {

using namespace std::string_view_literals;

const std::array kMonths = {"января"sv,   "февраля"sv, "марта"sv,  "апреля"sv,
                            "мая"sv,      "июня"sv,    "июля"sv,   "августа"sv,
                            "сентября"sv, "октября"sv, "ноября"sv, "декабря"sv};

// Stems: the word starts with the stem ("погибл" covers погибли, погибло...).
const std::pair<std::string_view, std::string_view> kCasualtyStems[] = {
    {"погиб", "killed"},        {"убит", "killed"},          {"убиты", "killed"},
    {"скончал", "killed"},      {"жертв", "killed"},         {"ранен", "injured"},
    {"ранены", "injured"},      {"ранило", "injured"},       {"пострадавш", "injured"},
    {"пострадал", "injured"},   {"эвакуирова", "evacuated"}, {"эвакуац", "evacuated"},
    {"переселен", "displaced"}, {"беженц", "displaced"},     {"пропавш", "missing"},
    {"задержан", "detained"},   {"пленен", "detained"}};

const std::map<std::string_view, long> kNumbers = {
    {"один", 1},      {"одна", 1},    {"одного", 1},       {"одном", 1},       {"два", 2},
    {"две", 2},       {"двое", 2},    {"двоих", 2},        {"три", 3},         {"трое", 3},
    {"троих", 3},     {"четыре", 4},  {"четверо", 4},      {"пять", 5},        {"пятеро", 5},
    {"шесть", 6},     {"шестеро", 6}, {"семь", 7},         {"семеро", 7},      {"восемь", 8},
    {"девять", 9},    {"десять", 10}, {"одиннадцать", 11}, {"двенадцать", 12}, {"двадцать", 20},
    {"тридцать", 30}, {"сорок", 40},  {"пятьдесят", 50},   {"сто", 100}};

const std::pair<std::string_view, std::string_view> kCountryStems[] = {
    {"кыргыз", "KG"}, {"киргиз", "KG"},  {"таджик", "TJ"},      {"узбек", "UZ"}, {"казах", "KZ"},
    {"армян", "AM"},  {"армени", "AM"},  {"азербайджан", "AZ"}, {"росси", "RU"}, {"китай", "CN"},
    {"китая", "CN"},  {"индийск", "IN"}, {"пакистан", "PK"},    {"афган", "AF"}, {"туркмен", "TM"}};

const std::set<std::string_view> kSpeech = {
    "сообщил", "сообщила", "сообщили", "сообщило", "заявил",   "заявила", "заявили",
    "заявило", "передает", "передаёт", "сообщает", "заявляет", "уточнил", "уточнила"};

// Cyrillic letters start with the UTF-8 lead bytes 0xD0..0xD4: anything
// else is not Russian and skips the tables.
bool cyrillic(std::string_view w) {
  return !w.empty() && static_cast<unsigned char>(w[0]) >= 0xD0 &&
         static_cast<unsigned char>(w[0]) <= 0xD4;
}

std::string_view stem_of(std::string_view w, const auto& table) {
  if (!cyrillic(w)) return {};
  for (const auto& [stem, value] : table)
    if (w.starts_with(stem)) return value;
  return {};
}

const std::set<std::string_view> kLocative = {"в",      "во",    "у",     "на",   "из",
                                              "при",    "возле", "около", "под",  "близ",
                                              "вблизи", "между", "вдоль", "рядом"};
const std::pair<std::string_view, std::string_view> kEventStems[] = {
    {"обстрел", "shelling"},       {"минометн", "shelling"},         {"артиллер", "shelling"},
    {"перестрелк", "armed_clash"}, {"столкновен", "armed_clash"},    {"нападени", "armed_clash"},
    {"атак", "armed_clash"},       {"боестолкновен", "armed_clash"}, {"эвакуац", "evacuation"},
    {"перемири", "ceasefire"},     {"переговор", "talks"},           {"стрельб", "armed_clash"}};
// Case endings of nouns and how the nominative ends instead, most usual first.
const std::pair<std::string_view, std::string_view> kNounEndings[] = {
    {"ии", "ия"}, {"ией", "ия"}, {"ию", "ия"}, {"ы", "а"},  {"е", ""},   {"е", "а"},
    {"у", ""},    {"у", "а"},    {"ом", ""},   {"ой", "а"}, {"ою", "а"}, {"а", ""}};

}  // namespace

int month(std::string_view w) {
  if (!cyrillic(w)) return 0;
  auto it = std::find(kMonths.begin(), kMonths.end(), w);
  return it == kMonths.end() ? 0 : static_cast<int>(it - kMonths.begin()) + 1;
}

std::string casualty_kind(std::string_view w) { return std::string(stem_of(w, kCasualtyStems)); }

std::optional<long> number_word(std::string_view w) {
  if (!cyrillic(w)) return std::nullopt;
  auto it = kNumbers.find(w);
  return it == kNumbers.end() ? std::nullopt : std::optional<long>(it->second);
}

long scale(std::string_view w) {
  if (w == "тысяч" || w == "тысячи" || w == "тысяча" || w == "тыс") return 1000;
  if (w == "миллион" || w == "миллиона" || w == "млн") return 1000000;
  return 0;
}

std::string country_word(std::string_view w) { return std::string(stem_of(w, kCountryStems)); }

bool speech_verb(std::string_view w) { return cyrillic(w) && kSpeech.contains(w); }

bool locative(std::string_view w) { return cyrillic(w) && kLocative.contains(w); }
bool settlement_word(std::string_view w) {
  return cyrillic(w) && (w.starts_with("сел") || w.starts_with("деревн") ||
                         w.starts_with("поселк") || w.starts_with("посёлк") || w == "город" ||
                         w == "города" || w == "городе" || w == "заставы" || w == "заставе");
}
bool area_word(std::string_view w) {
  return cyrillic(w) && (w.starts_with("област") || w.starts_with("район") ||
                         w.starts_with("джамоат") || w.starts_with("марз"));
}
bool function_word(std::string_view w) {
  static const std::set<std::string_view> kSmall = {
      "по", "с",  "со", "к",   "о",   "об",  "за",  "для", "от",  "до",
      "и",  "но", "а",  "как", "это", "там", "так", "еще", "ещё", "также"};
  return cyrillic(w) && (kSmall.contains(w) || kLocative.contains(w) || number_word(w));
}
bool institution_word(std::string_view w) {
  static const std::array kStems = {"служб"sv,    "министерств"sv,  "минобороны"sv, "минздрав"sv,
                                    "мчс"sv,      "комитет"sv,      "ведомств"sv,   "управлени"sv,
                                    "агентств"sv, "правительств"sv, "штаб"sv,       "пресс"sv};
  return cyrillic(w) && std::any_of(kStems.begin(), kStems.end(),
                                    [&](std::string_view s) { return w.starts_with(s); });
}
std::string event_cue(std::string_view w) { return std::string(stem_of(w, kEventStems)); }

namespace {

// "Исфары" -> "Исфара", "Баткене" -> "Баткен", "Армении" -> "Армения".
std::vector<std::string> noun_forms(std::string_view w) {
  std::vector<std::string> out;
  for (const auto& [end, nominative] : kNounEndings)
    if (w.size() > end.size() + 4 && w.ends_with(end))
      out.push_back(std::string(w.substr(0, w.size() - end.size())) + std::string(nominative));
  return out;
}

// "Баткенской области" -> "Баткенская область", "Баткенского района" ->
// "Баткенский район": an adjective agreeing with an area noun.
std::string area_form(std::string_view adj, std::string_view noun) {
  std::string n = lower(noun);
  bool feminine = n.starts_with("област");
  std::string nom_noun = feminine ? "область" : n.starts_with("район") ? "район" : "";
  if (nom_noun.empty()) return {};
  for (std::string_view end : {"ской"sv, "ского"sv, "ском"sv, "скую"sv, "ская"sv, "ский"sv})
    if (adj.ends_with(end))
      return std::string(adj.substr(0, adj.size() - end.size())) + (feminine ? "ская " : "ский ") +
             nom_noun;
  return {};
}

}  // namespace

std::vector<std::string> case_forms(std::string_view name) {
  if (!cyrillic(name)) return {};
  std::size_t space = name.find(' ');
  if (space == std::string_view::npos) return noun_forms(name);
  std::string area = area_form(name.substr(0, space), name.substr(space + 1));
  return area.empty() ? std::vector<std::string>{} : std::vector<std::string>{area};
}

bool border_noun(std::string_view w) { return w.starts_with("границ"); }

bool happened(std::string_view w) {
  // произошел/произошла/произошло/произошли, случился..., инцидент(а)
  for (std::string_view stem : {"\xD0\xBF\xD1\x80\xD0\xBE\xD0\xB8\xD0\xB7\xD0\xBE\xD1\x88",
                                "\xD1\x81\xD0\xBB\xD1\x83\xD1\x87\xD0\xB8\xD0\xBB",
                                "\xD0\xB8\xD0\xBD\xD1\x86\xD0\xB8\xD0\xB4\xD0\xB5\xD0\xBD\xD1\x82"})
    if (w.starts_with(stem)) return true;
  return false;
}

bool refers_back(std::string_view phrase) {
  std::string lw = lower(phrase);
  return lw == "ведомства" || lw == "ведомство" || lw == "министерства" || lw == "министерство";
}

std::string lower(std::string_view w) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(w.data(), static_cast<int32_t>(w.size())))
      .toLower()
      .toUTF8String(out);
  return out;
}

}  // namespace bm::extract::lex::ru
