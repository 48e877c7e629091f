#include "link/points_csv.hpp"

#include <charconv>
#include <cstdio>
#include <memory>
#include <string_view>

#include "core/error.hpp"

namespace bm {
namespace {

// Splits one CSV record starting at `pos` into `fields` (RFC 4180 quoting);
// returns the position after the record's line end.
std::size_t next_record(const std::string& t, std::size_t pos, std::vector<std::string>& fields,
                        long& line) {
  fields.clear();
  std::string cur;
  bool quoted = false;
  std::size_t i = pos;
  for (; i < t.size(); ++i) {
    char c = t[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < t.size() && t[i + 1] == '"') {
          cur += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        cur += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(cur));
      cur.clear();
    } else if (c == '\n') {
      ++i;
      break;
    } else if (c != '\r') {
      cur += c;
    }
  }
  fields.push_back(std::move(cur));
  ++line;
  return i;
}

int find_column(const std::vector<std::string>& header, std::initializer_list<const char*> names) {
  for (const char* n : names)
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == n) return static_cast<int>(i);
  return -1;
}

bool parse_double(const std::string& s, double& out) {
  if (s.empty()) return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

const std::string& field(const std::vector<std::string>& f, int i) {
  static const std::string none;
  return i >= 0 && static_cast<std::size_t>(i) < f.size() ? f[static_cast<std::size_t>(i)] : none;
}

}  // namespace

PointTable parse_point_table(const std::string& text, const std::string& name) {
  PointTable out;
  std::vector<std::string> f;
  long line = 0;
  std::size_t pos = 0;
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) pos = 3;
  if (pos >= text.size()) throw InputError(at(name, 1, "empty file — expected a CSV header"));
  pos = next_record(text, pos, f, line);
  const std::vector<std::string> header = f;
  const int id = find_column(header, {"id", "incident_id", "event_id_cnty"});
  const int lon = find_column(header, {"lon", "longitude", "x"});
  const int lat = find_column(header, {"lat", "latitude", "y"});
  if (id < 0 || lon < 0 || lat < 0)
    throw InputError(at(name, 1,
                        "the header needs columns id, lon and lat (or longitude/latitude) — "
                        "rename the columns or give bordermap's incident CSV"));
  const int date = find_column(header, {"date_start", "date", "event_date"});
  const int fat = find_column(header, {"fatalities", "killed"});
  const int prec = find_column(header, {"geo_precision"});
  const int adm = find_column(header, {"admin1"});
  const std::size_t guess = text.size() / 40;
  out.ids.reserve(guess);
  out.points.reserve(guess);
  while (pos < text.size()) {
    const long at_line = line + 1;
    pos = next_record(text, pos, f, line);
    if (f.size() == 1 && f[0].empty()) continue;  // blank line
    double x = 0, y = 0;
    const std::string& rid = field(f, id);
    if (!parse_double(field(f, lon), x) || !parse_double(field(f, lat), y) || x < -180 || x > 180 ||
        y < -90 || y > 90) {
      out.rejected.push_back({name, at_line, rid,
                              "no usable lon/lat ('" + field(f, lon) + "', '" + field(f, lat) +
                                  "') — row skipped; give WGS84 degrees"});
      continue;
    }
    out.ids.push_back(rid);
    out.points.push_back({x, y});
    if (date >= 0) out.dates.push_back(field(f, date).substr(0, 10));
    if (fat >= 0) {
      double v = -1;
      out.fatalities.push_back(parse_double(field(f, fat), v) ? static_cast<long>(v) : -1);
    }
    if (prec >= 0) {
      const std::string& p = field(f, prec);
      int v = p.size() == 1 && p[0] >= '1' && p[0] <= '3' ? p[0] - '0' : 0;
      out.precision.push_back(static_cast<GeoPrecision>(v));
    }
    if (adm >= 0) out.admin1.push_back(field(f, adm));
  }
  return out;
}

PointTable read_point_table(const std::string& path) {
  std::unique_ptr<FILE, int (*)(FILE*)> fp(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!fp) throw InputError(path + ": cannot open — check the path");
  std::string text;
  char buf[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, fp.get())) > 0) text.append(buf, n);
  return parse_point_table(text, path);
}

}  // namespace bm
