#include "core/filter.hpp"

#include <regex>
#include <sstream>

#include "core/error.hpp"

namespace bm {

std::optional<Bounds> parse_bbox(const std::string& text) {
  if (text.empty()) return std::nullopt;
  std::vector<double> v;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, ',')) {
    try {
      std::size_t used = 0;
      v.push_back(std::stod(part, &used));
      if (used != part.size()) v.clear();
    } catch (const std::exception&) {
      v.clear();
      break;
    }
  }
  // Written so that a NaN fails every test (it compares false).
  const char* why = v.size() != 4                   ? "four numbers"
                    : !(v[0] < v[2] && v[1] < v[3]) ? "each minimum below its maximum"
                    : !(v[0] >= -180 && v[2] <= 180 && v[1] >= -90 && v[3] <= 90)
                        ? "longitudes within ±180 and latitudes within ±90 (a box across the "
                          "180th meridian is not supported)"
                        : nullptr;
  if (why)
    throw UsageError("--bbox '" + text +
                     "' — expected min_lon,min_lat,max_lon,max_lat in degrees, " + why +
                     ", e.g. --bbox 69.5,39.5,71.5,40.5");
  Bounds b;
  b.add(LonLat{v[0], v[1]});
  b.add(LonLat{v[2], v[3]});
  return b;
}

void check_iso_date(const std::string& text, const std::string& option) {
  static const std::regex iso(R"(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))");
  if (!text.empty() && !std::regex_match(text, iso))
    throw UsageError(option + " '" + text + "' — expected a date as YYYY-MM-DD");
}

std::string filtered_out(const Incident& i, const IncidentFilter& f) {
  const std::string& start = i.date.start;
  const std::string& end = i.date.end.empty() ? start : i.date.end;
  if (!f.from.empty() && !end.empty() && end < f.from)
    return "filtered out: dated " + end + ", before --from " + f.from;
  if (!f.to.empty() && !start.empty() && start > f.to)
    return "filtered out: dated " + start + ", after --to " + f.to;
  if (auto box = parse_bbox(f.bbox); box && i.location) {
    const LonLat& p = *i.location;
    if (p.lon < box->min_lon || p.lon > box->max_lon || p.lat < box->min_lat ||
        p.lat > box->max_lat)
      return "filtered out: located outside --bbox " + f.bbox;
  }
  return "";
}

void apply_filter(std::vector<Incident>& incidents, const IncidentFilter& f,
                  const std::string& file, std::vector<Rejection>& rejected) {
  // Compacts in place: a row moves only after the first one filtered out
  // (moving every kept row to a new vector showed in a streamed export's profile).
  std::size_t kept = 0;
  for (std::size_t k = 0; k < incidents.size(); ++k) {
    Incident& i = incidents[k];
    std::string why = filtered_out(i, f);
    if (why.empty()) {
      if (kept != k) incidents[kept] = std::move(i);
      ++kept;
    } else {
      Rejection r{file, i.line, i.id, why};
      r.filtered = true;
      rejected.push_back(std::move(r));
    }
  }
  incidents.resize(kept);
}

}  // namespace bm
