#include "extract/nights.hpp"

#include <string>

#include "extract/story_dates.hpp"

namespace bm::extract {
namespace {

const std::string kNight = "\xD0\xBD\xD0\xBE\xD1\x87\xD1\x8C";  // ночь
const std::string kOnto = "\xD0\xBD\xD0\xB0";                   // на

// The first token of the sentence that starts at or after `offset`.
std::size_t token_at(const std::vector<Token>& toks, const Sentence& s, std::size_t offset) {
  std::size_t k = s.first;
  while (k < s.last && toks[k].begin < offset) ++k;
  return k;
}

bool night_word(const std::string& w) { return w == "night" || w == "overnight" || w == kNight; }

bool overnight(const DateMention& dm) { return dm.rule == "overnight" || dm.rule == "last_night"; }

DateRange night_before(const std::string& iso) {
  auto d = parse_iso(iso);
  if (!d) return {};
  return {to_iso(civil_from_days(days_from_civil(*d) - 1)), iso, "range"};
}

// "overnight into 16 September", "the night to Friday", "в ночь на 2 апреля".
bool night_into(const std::vector<Token>& toks, const Sentence& s, std::size_t k) {
  if (k < s.first + 2) return false;
  const std::string& w = toks[k - 1].lower;
  return (w == "into" || w == "to" || w == kOnto) && night_word(toks[k - 2].lower);
}

// "the night of 15 to 16 ..." / "the night from Thursday to Friday": the
// mention after `first`, when a connector joins them.
DateMention* night_end(const std::vector<Token>& toks, const Sentence& s,
                       std::vector<DateMention>& dates, std::size_t first) {
  const DateMention& a = dates[first];
  std::size_t k = token_at(toks, s, a.begin);
  if (k < s.first + 2 || (toks[k - 1].lower != "of" && toks[k - 1].lower != "from") ||
      !night_word(toks[k - 2].lower) || first + 1 >= dates.size())
    return nullptr;
  std::size_t j = token_at(toks, s, a.end);
  if (j >= s.last) return nullptr;
  const std::string& w = toks[j].lower;
  bool joins = w == "to" || w == "into" || w == "and" || w == "-" || w == "\xE2\x80\x93";
  DateMention& b = dates[first + 1];
  return joins && j + 1 < s.last && toks[j + 1].begin == b.begin ? &b : nullptr;
}

const DateMention* said_on(const std::vector<Token>& toks, const Sentence& s,
                           const std::vector<DateMention>& dates) {
  for (const DateMention& dm : dates)
    if (dm.range.precision == "day" && !overnight(dm) && statement_date(toks, s, dm)) return &dm;
  return nullptr;
}

}  // namespace

void read_nights(const std::vector<Token>& toks, const Sentence& s,
                 std::vector<DateMention>& dates) {
  for (std::size_t d = 0; d < dates.size(); ++d) {
    DateMention& dm = dates[d];
    if (dm.range.precision != "day") continue;
    if (night_into(toks, s, token_at(toks, s, dm.begin))) {
      dm.range = night_before(dm.range.start);
      // "overnight into D": the bare "overnight" before it is the same night.
      if (d > 0 && overnight(dates[d - 1])) dates[d - 1].range = {};
    } else if (DateMention* end = night_end(toks, s, dates, d);
               end && end->range.end > dm.range.start) {
      dm.range = {dm.range.start, end->range.end, "range"};
      end->range = {};
    }
  }
  if (const DateMention* said = said_on(toks, s, dates))
    for (DateMention& dm : dates)
      if (overnight(dm) && !dm.range.start.empty()) dm.range = night_before(said->range.start);
}

}  // namespace bm::extract
