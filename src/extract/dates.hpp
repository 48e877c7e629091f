#pragma once
// Dates in article text: the publication date (a dateline) and expressions
// resolved against it ("on Wednesday", "last week", "September 14 and 16").
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "extract/text.hpp"

namespace bm::extract {

struct Ymd {
  int y = 0, m = 0, d = 0;
};

std::optional<Ymd> parse_iso(std::string_view s);
std::string to_iso(const Ymd& d);
long days_from_civil(const Ymd& d);
Ymd civil_from_days(long z);
int weekday_of(const Ymd& d);  // 0 Monday .. 6 Sunday

struct DateMention {
  std::size_t begin = 0, end = 0;  // byte offsets of the expression
  std::string text;
  DateRange range;   // empty start: could not be resolved (no anchor)
  std::string rule;  // weekday, yesterday, last_week, month_day, ...
};

// A dateline near the top: "date 2022-09-16", a leading ISO date,
// "Published: 16 September 2022", "Sep 16, 2022". Empty if none.
std::string find_publication_date(std::string_view text);

// An ISO date (2022-09-17) or a dotted day-first one (17.09.2022).
std::optional<Ymd> parse_numeric_date(std::string_view s);

// Every date expression in the tokens [first, last), resolved against
// `anchor` (ISO; may be empty, then relative ones stay unresolved).
std::vector<DateMention> find_dates(std::string_view text, const std::vector<Token>& toks,
                                    std::size_t first, std::size_t last, const std::string& anchor);

}  // namespace bm::extract
