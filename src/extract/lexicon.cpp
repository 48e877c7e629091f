#include "extract/lexicon.hpp"

#include "extract/forces.hpp"
#include "extract/lexicon_ru.hpp"
#include "extract/word_table.hpp"

namespace bm::extract::lex {
namespace {

using Map = WordMap<std::string_view>;
using Set = WordSet;

const WordMap<long> kNumbers = {
    {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},      {"five", 5},
    {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},      {"ten", 10},
    {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
    {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},
    {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"sixty", 60},    {"seventy", 70},
    {"eighty", 80},  {"ninety", 90},    {"dozen", 12},    {"score", 20}};

const char* const kMonths[] = {"january",   "february", "march",    "april",
                               "may",       "june",     "july",     "august",
                               "september", "october",  "november", "december"};
const Map kMonthAbbr = {{"jan", "1"},  {"feb", "2"},  {"mar", "3"},  {"apr", "4"},
                        {"jun", "6"},  {"jul", "7"},  {"aug", "8"},  {"sep", "9"},
                        {"sept", "9"}, {"oct", "10"}, {"nov", "11"}, {"dec", "12"}};
const char* const kDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                             "friday", "saturday", "sunday"};

// Demonyms and short country names. Ambiguous ones ("georgian") still map to
// the country: the rules use them only as hints.
const Map kCountryWords = {
    {"kyrgyz", "KG"},      {"kirghiz", "KG"},      {"kyrgyzstan", "KG"},  {"kirgizia", "KG"},
    {"tajik", "TJ"},       {"tadjik", "TJ"},       {"tajikistan", "TJ"},  {"tajikistani", "TJ"},
    {"uzbek", "UZ"},       {"uzbekistan", "UZ"},   {"kazakh", "KZ"},      {"kazakhstan", "KZ"},
    {"turkmen", "TM"},     {"turkmenistan", "TM"}, {"afghan", "AF"},      {"afghanistan", "AF"},
    {"pakistani", "PK"},   {"pakistan", "PK"},     {"indian", "IN"},      {"india", "IN"},
    {"chinese", "CN"},     {"china", "CN"},        {"armenian", "AM"},    {"armenia", "AM"},
    {"azerbaijani", "AZ"}, {"azeri", "AZ"},        {"azerbaijan", "AZ"},  {"russian", "RU"},
    {"russia", "RU"},      {"ukrainian", "UA"},    {"ukraine", "UA"},     {"georgian", "GE"},
    {"georgia", "GE"},     {"iranian", "IR"},      {"iran", "IR"},        {"iraqi", "IQ"},
    {"iraq", "IQ"},        {"syrian", "SY"},       {"syria", "SY"},       {"turkish", "TR"},
    {"turkey", "TR"},      {"israeli", "IL"},      {"israel", "IL"},      {"lebanese", "LB"},
    {"lebanon", "LB"},     {"palestinian", "PS"},  {"nepali", "NP"},      {"nepal", "NP"},
    {"bhutanese", "BT"},   {"bhutan", "BT"},       {"bangladeshi", "BD"}, {"bangladesh", "BD"},
    {"burmese", "MM"},     {"myanmar", "MM"},      {"thai", "TH"},        {"thailand", "TH"},
    {"cambodian", "KH"},   {"cambodia", "KH"},     {"vietnamese", "VN"},  {"vietnam", "VN"},
    {"korean", "KR"},      {"ethiopian", "ET"},    {"ethiopia", "ET"},    {"eritrean", "ER"},
    {"eritrea", "ER"},     {"sudanese", "SD"},     {"sudan", "SD"},       {"somali", "SO"},
    {"somalia", "SO"},     {"kenyan", "KE"},       {"kenya", "KE"},       {"venezuelan", "VE"},
    {"venezuela", "VE"},   {"colombian", "CO"},    {"colombia", "CO"},    {"peruvian", "PE"},
    {"ecuadorian", "EC"},  {"serbian", "RS"},      {"serbia", "RS"},      {"kosovar", "XK"},
    {"kosovo", "XK"},      {"moldovan", "MD"},     {"moldova", "MD"},     {"belarusian", "BY"},
    {"belarus", "BY"},     {"mongolian", "MN"},    {"mongolia", "MN"},    {"saudi", "SA"},
    {"yemeni", "YE"},      {"yemen", "YE"},        {"egyptian", "EG"},    {"egypt", "EG"},
    {"libyan", "LY"},      {"libya", "LY"},        {"chadian", "TD"},     {"chad", "TD"},
    {"malian", "ML"},      {"mali", "ML"},         {"nigerian", "NG"},    {"nigeria", "NG"},
    {"congolese", "CD"},   {"rwandan", "RW"},      {"rwanda", "RW"},      {"ugandan", "UG"},
    {"uganda", "UG"},      {"american", "US"},     {"british", "GB"},     {"french", "FR"},
    {"german", "DE"}};

const Map kCasualty = {
    {"killed", "killed"},       {"dead", "killed"},           {"died", "killed"},
    {"deaths", "killed"},       {"death", "killed"},          {"fatalities", "killed"},
    {"killing", "killed"},      {"kill", "killed"},           {"kills", "killed"},
    {"lives", "killed"},        {"bodies", "killed"},         {"slain", "killed"},
    {"injured", "injured"},     {"wounded", "injured"},       {"hurt", "injured"},
    {"injuries", "injured"},    {"wounding", "injured"},      {"injuring", "injured"},
    {"evacuated", "evacuated"}, {"evacuees", "evacuated"},    {"evacuating", "evacuated"},
    {"displaced", "displaced"}, {"fled", "displaced"},        {"refugees", "displaced"},
    {"missing", "missing"},     {"casualties", "casualties"}, {"kia", "killed"},
    {"wia", "injured"},         {"evacuation", "evacuated"},  {"relocated", "evacuated"},
    {"detained", "detained"},   {"captured", "detained"},     {"capturing", "detained"},
    {"abducted", "detained"},   {"succumbed", "killed"},      {"arrested", "detained"},
    {"arrests", "detained"}};

const Map kGroups = {{"civilians", "civilians"},
                     {"civilian", "civilians"},
                     {"children", "children"},
                     {"child", "children"},
                     {"women", "civilians"},
                     {"residents", "civilians"},
                     {"villagers", "civilians"},
                     {"soldiers", "soldiers"},
                     {"soldier", "soldiers"},
                     {"troops", "soldiers"},
                     {"servicemen", "soldiers"},
                     {"serviceman", "soldiers"},
                     {"militants", "militants"},
                     {"fighters", "militants"},
                     {"police", "police"},
                     {"policemen", "police"},
                     {"officers", "police"},
                     {"guards", "border guards"},
                     {"guard", "border guards"},
                     {"citizens", "citizens"},
                     {"personnel", "soldiers"},
                     // a count of households, not of people: "3,000 families have fled"
                     {"families", "families"},
                     {"family", "families"},
                     {"households", "households"},
                     {"household", "households"}};

const Map kEvents = {{"shelling", "shelling"},
                     {"shelled", "shelling"},
                     {"shells", "shelling"},
                     {"shell", "shelling"},
                     {"artillery", "shelling"},
                     {"mortar", "shelling"},
                     {"mortars", "shelling"},
                     {"rocket", "shelling"},
                     {"rockets", "shelling"},
                     {"bombarded", "shelling"},
                     {"bombardment", "shelling"},
                     {"fired", "shelling"},
                     {"firing", "shelling"},
                     {"airstrike", "air_strike"},
                     {"airstrikes", "air_strike"},
                     {"jets", "air_strike"},
                     {"aircraft", "air_strike"},
                     {"bombed", "air_strike"},
                     {"bombing", "air_strike"},
                     {"clash", "armed_clash"},
                     {"clashes", "armed_clash"},
                     {"clashed", "armed_clash"},
                     {"fighting", "armed_clash"},
                     {"skirmish", "armed_clash"},
                     {"skirmishes", "armed_clash"},
                     {"gunfire", "armed_clash"},
                     {"firefight", "armed_clash"},
                     {"attack", "armed_clash"},
                     {"attacks", "armed_clash"},
                     {"attacked", "armed_clash"},
                     {"attacking", "armed_clash"},
                     {"ambush", "armed_clash"},
                     {"incursion", "armed_clash"},
                     {"brawl", "armed_clash"},
                     {"seized", "armed_clash"},
                     {"captured", "armed_clash"},
                     {"stormed", "armed_clash"},
                     {"overran", "armed_clash"},
                     {"shootout", "armed_clash"},
                     {"shooting", "armed_clash"},
                     {"gunfight", "armed_clash"},
                     {"face-off", "armed_clash"},
                     {"skirmished", "armed_clash"},
                     {"destroyed", "property_destruction"},
                     {"burned", "property_destruction"},
                     {"burnt", "property_destruction"},
                     {"ablaze", "property_destruction"},
                     {"torched", "property_destruction"},
                     {"damaged", "property_destruction"},
                     {"damage", "property_destruction"},
                     {"ceasefire", "ceasefire"},
                     {"cease-fire", "ceasefire"},
                     {"truce", "ceasefire"},
                     {"talks", "talks"},
                     {"negotiations", "talks"},
                     {"negotiate", "talks"},
                     {"evacuated", "evacuation"},
                     {"evacuation", "evacuation"},
                     {"evacuations", "evacuation"}};

const Map kWeapons = {{"tanks", "tanks"},         {"grad", "rocket artillery"},
                      {"tank", "tanks"},          {"mortar", "mortars"},
                      {"mortars", "mortars"},     {"artillery", "artillery"},
                      {"rockets", "rockets"},     {"rocket", "rockets"},
                      {"drone", "drones"},        {"drones", "drones"},
                      {"uav", "drones"},          {"jets", "aircraft"},
                      {"aircraft", "aircraft"},   {"helicopters", "helicopters"},
                      {"grenades", "grenades"},   {"machine-guns", "machine guns"},
                      {"snipers", "sniper fire"}, {"missiles", "missiles"},
                      {"missile", "missiles"},    {"howitzers", "artillery"},
                      {"gun", "small arms"},      {"guns", "small arms"},
                      {"rifles", "small arms"},   {"batons", "melee weapons"},
                      {"stones", "stones"},       {"clubs", "melee weapons"}};

const Set kSpeech = {"said",      "says",     "say",       "reported",  "reports", "announced",
                     "announces", "stated",   "states",    "claimed",   "claims",  "told",
                     "confirmed", "confirms", "added",     "noted",     "wrote",   "tweeted",
                     "declared",  "alleged",  "estimated", "estimates", "accused", "raised",
                     "published", "released"};
const Set kLocative = {"in",      "at",  "near",   "from",  "around", "outside", "inside",
                       "into",    "on",  "across", "along", "toward", "towards", "of",
                       "between", "and", "within", "off",   "by"};
const Set kArea = {"region",       "regions",   "district", "districts", "province",
                   "provinces",    "oblast",    "county",   "state",     "governorate",
                   "prefecture",   "valley",    "sector",   "area",      "areas",
                   "territory",    "enclave",   "raion",    "rayon",     "tehsil",
                   "municipality", "community", "commune",  "jamoat",    "marz"};
const Set kSettlement = {"village",     "villages", "town",    "towns", "city",       "settlement",
                         "settlements", "hamlet",   "outpost", "post",  "checkpoint", "crossing"};
// Where people go after or about an event, not where it happened.
const Set kVenue = {"summit",   "sidelines", "conference",   "forum",        "visit",     "visited",
                    "capital",  "meeting",   "embassy",      "headquarters", "hosted",    "met",
                    "hospital", "hospitals", "hospitalised", "hospitalized", "treatment", "morgue"};
const Set kTotal = {"toll", "total", "overall", "altogether", "cumulative", "so", "both", "since"};
const Set kNotPlace = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "southeast",
    "northeast", "southwest", "northwest", "artillery", "grad", "kia", "wia", "uav", "uavs", "the",
    "a", "an", "in", "on", "at", "and", "but", "it", "its", "this", "that", "these", "they", "he",
    "she", "we", "i", "as", "after", "before", "during", "meanwhile", "however", "read", "more",
    "source", "sources", "inputs", "president", "minister", "ministry", "prime", "foreign",
    "interior", "health", "defence", "defense", "border", "news", "agency", "state", "national",
    "security", "service", "government", "army", "forces", "republic", "central", "east", "west",
    "north", "south", "new", "old", "great", "general", "united", "union", "organization",
    "organisation", "council", "committee", "office", "press", "world", "now", "fast", "frequent",
    "both", "earlier", "later", "shortly", "today", "yesterday", "tomorrow", "according", "during",
    "mutual", "route", "violent", "russia's", "soviet", "european", "asian", "asia", "kremlin",
    "reuters", "bbc", "ap", "afp", "tass", "no", "not", "some", "all", "many", "most", "there",
    "here", "what", "when", "while", "if", "his", "her", "their", "our", "his", "for", "with",
    "from", "by", "to", "of", "or", "so", "line", "control", "actual",
    // quantity words that open a sentence ("About 3,000 families ...")
    "about", "around", "nearly", "almost", "roughly", "approximately", "hundreds", "thousands",
    "dozens", "several", "another", "further", "only",
    // News agencies cited by name ("..., Trend reported"): sources, not places.
    "trend", "interfax", "xinhua", "armenpress", "akipress",
    // Bodies, words of fighting and openers capitalised at a headline's or
    // sentence's start ("Shelling resumes", "Since October, ...", "the Guyana
    // Defence Force", "Police said").
    "force", "police", "military", "troops", "since", "shelling", "fighting", "clashes", "gunfire"};

}  // namespace

std::optional<long> number_word(std::string_view w) {
  if (auto n = ru::number_word(w)) return n;
  auto it = kNumbers.find(w);
  if (it == kNumbers.end()) return std::nullopt;
  return it->second;
}

int month(std::string_view w) {
  if (int m = ru::month(w)) return m;
  for (int i = 0; i < 12; ++i)
    if (w == kMonths[i]) return i + 1;
  auto it = kMonthAbbr.find(w);
  return it == kMonthAbbr.end() ? 0 : std::stoi(std::string(it->second));
}

int weekday(std::string_view w) {
  for (int i = 0; i < 7; ++i)
    if (w == kDays[i]) return i;
  return -1;
}

std::string country_word(std::string_view w) {
  auto it = kCountryWords.find(w);
  return it == kCountryWords.end() ? ru::country_word(w) : std::string(it->second);
}

std::string casualty_kind(std::string_view w) {
  auto it = kCasualty.find(w);
  return it == kCasualty.end() ? ru::casualty_kind(w) : std::string(it->second);
}

std::string group(std::string_view w, std::string_view next) {
  if ((w == "border" || w == "frontier") &&
      (next == "guards" || next == "guard" || next == "troops"))
    return "border guards";
  if (w == "guards" || w == "guard") return "border guards";
  auto it = kGroups.find(w);
  return it == kGroups.end() ? std::string() : std::string(it->second);
}

std::string event_cue(std::string_view w, std::string_view next) {
  // "opened fire", "came under fire"
  if ((w == "opened" || w == "under") && next == "fire") return "armed_clash";
  if ((w == "exchange" || w == "exchanged" || w == "exchanging" || w == "traded") &&
      (next == "fire" || next == "gunfire"))
    return "armed_clash";
  if (w == "air" && (next == "strike" || next == "strikes" || next == "raid")) return "air_strike";
  if (w == "drone" && (next == "strike" || next == "attack")) return "drone_strike";
  auto it = kEvents.find(w);
  return it == kEvents.end() ? ru::event_cue(w) : std::string(it->second);
}

std::string weapon(std::string_view w, std::string_view next) {
  if (w == "rocket" && (next == "launchers" || next == "artillery")) return "rocket artillery";
  if (w == "heavy" && (next == "weapons" || next == "weaponry")) return "heavy weapons";
  if (w == "armoured" || w == "armored") return next == "vehicles" ? "armoured vehicles" : "";
  auto it = kWeapons.find(w);
  return it == kWeapons.end() ? std::string() : std::string(it->second);
}

const Set kNotPeople = {
    "countries",  "nations",   "sides",   "states",     "days",        "weeks",
    "months",     "years",     "hours",   "minutes",    "times",       "leaders",
    "presidents", "villages",  "km",      "kilometres", "kilometers",  "miles",
    "metres",     "meters",    "percent", "rounds",     "shells",      "rockets",
    "drones",     "houses",    "homes",   "buildings",  "points",      "posts",
    "outposts",   "positions", "tanks",   "vehicles",   "checkpoints", "weapons"};
const Set kInstitution = {
    "organization", "organisation", "cooperation", "ministry", "agency",    "council",  "service",
    "news",         "committee",    "university",  "party",    "army",      "forces",   "bank",
    "union",        "company",      "press",       "office",   "institute", "alliance", "treaty",
    "summit",       "security",     "court",       "times",    "post",      "world",    "channel",
    "tv",           "radio",        "group"};
const Set kTitle = {"president",   "minister",     "leader",    "counterpart", "mr",
                    "mrs",         "ms",           "chief",     "general",     "spokesman",
                    "spokeswoman", "spokesperson", "commander", "premier",     "king",
                    "prince",      "sheikh",       "dr",        "colonel",     "secretary",
                    "ambassador",  "envoy",        "mayor",     "governor"};

bool speech_verb(std::string_view w) { return kSpeech.contains(w) || ru::speech_verb(w); }
bool not_people(std::string_view w) { return kNotPeople.contains(w); }
bool institution_word(std::string_view w) {
  return kInstitution.contains(w) || ru::institution_word(w);
}
// "Gen. Khov Ly", "Lt. Col.": written before a name with a full stop.
const Set kTitleAbbreviation = {"mr",   "mrs", "ms",  "dr",   "gen", "lt",   "col", "maj",
                                "capt", "sgt", "cpl", "brig", "adm", "cmdr", "gov", "sen"};

bool title_word(std::string_view w) { return kTitle.contains(w) || kTitleAbbreviation.contains(w); }
bool title_abbreviation(std::string_view w) { return kTitleAbbreviation.contains(w); }
bool locative(std::string_view w) { return kLocative.contains(w) || ru::locative(w); }
bool area_word(std::string_view w) { return kArea.contains(w) || ru::area_word(w); }
bool settlement_word(std::string_view w) {
  return kSettlement.contains(w) || ru::settlement_word(w);
}
bool venue_word(std::string_view w) { return kVenue.contains(w); }
bool total_word(std::string_view w) { return kTotal.contains(w); }
// (Forces and groups, "Taliban", "IDF", are actors: extract/forces.cpp.)
// Landmarks that reports locate fighting by ("near the Ta Muen Thom temple").
const Set kLandmark = {"temple",  "temples", "pagoda", "monastery", "shrine", "mosque",
                       "church",  "bridge",  "pass",   "dam",       "fort",   "fortress",
                       "airport", "airbase", "base",   "camp",      "market", "hospital"};
bool landmark_word(std::string_view w) { return kLandmark.contains(w); }

bool not_a_place(std::string_view w) { return kNotPlace.contains(w) || force_word(w); }
bool name_prefix(std::string_view w) {
  return w == "new" || w == "north" || w == "south" || w == "east" || w == "west" ||
         w == "central" || w == "upper" || w == "lower" || w == "great" || w == "old" ||
         w == "northern" || w == "southern" || w == "eastern" || w == "western";
}

bool phrase_stop(std::string_view w) {
  return w == "," || w == "." || w == ";" || w == ":" || w == "\"" || w == "(" || w == ")" ||
         w == "\xE2\x80\x9C" || w == "\xE2\x80\x9D" || w == "-" || w == "\xE2\x80\x94" ||
         w == "\xE2\x80\x93" || w == "that" || w == "which" || w == "who" || w == "while" ||
         w == "when" || w == "after" || w == "as" || w == "but" || w == "however";
}

bool adverb(std::string_view w) {
  // "officially", "reportedly": -ly words between a subject and its verb.
  if (w.size() > 4 && w.ends_with("ly")) return true;
  return w == "however" || w == "also" || w == "meanwhile" || w == "later" || w == "earlier" ||
         w == "previously" || w == "separately" || w == "further" || w == "furthermore";
}

}  // namespace bm::extract::lex
