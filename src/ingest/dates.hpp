#pragma once
// Dates as the sources write them, turned into ISO 8601 (YYYY-MM-DD).
#include <optional>
#include <string>

namespace bm::ingest {

// Accepts "2022-09-14" (also with a time after it: "2022-09-14 00:00:00.000",
// "2022-09-14T08:00Z"), "14 September 2022" / "14 Sep 2022" / "14-September-2022",
// and day-first numeric dates "14-09-2022", "14.09.2022", "14/09/2022".
// Returns nothing when the text is not a valid date in one of those forms.
std::optional<std::string> parse_date(const std::string& text);

// A month or a year alone ("2022-09", "09/2022", "September 2022", "Sep
// 2022", "2022"): its first and last day, and "month" or "year".
struct Period {
  std::string first, last, precision;
};
std::optional<Period> parse_period(const std::string& text);

// `iso` shifted by `days` (may be negative).
std::string add_days(const std::string& iso, int days);
std::string first_of_month(const std::string& iso);
std::string last_of_month(const std::string& iso);
std::string first_of_year(const std::string& iso);
std::string last_of_year(const std::string& iso);

}  // namespace bm::ingest
