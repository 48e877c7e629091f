#include "link/points_csv.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <exception>
#include <thread>

#include "core/error.hpp"
#include "io/policy.hpp"
#include "io/text.hpp"
#include "io/values.hpp"
#include "link/file_text.hpp"
#include "link/parallel.hpp"

namespace bm {
namespace {

bool odd_quote_count(std::string_view s) { return std::count(s.begin(), s.end(), '"') % 2 == 1; }

// Splits one CSV record starting at `pos` into `fields` (RFC 4180 quoting);
// returns the position after the record's line end. The slow path, for
// records with quotes or stray carriage returns.
std::size_t next_record(std::string_view t, std::size_t pos, std::vector<std::string>& fields,
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

// The fast path: a record without quotes whose only carriage return ends
// it splits at its commas into views of the text. Returns false (and
// leaves `pos`) when the record needs next_record.
bool plain_record(std::string_view t, std::size_t& pos, std::vector<std::string_view>& fields) {
  fields.clear();
  const char* p = t.data() + pos;
  const char* const end = t.data() + t.size();
  const char* start = p;
  for (; p < end; ++p) {
    const char c = *p;
    if (c == ',') {
      fields.emplace_back(start, static_cast<std::size_t>(p - start));
      start = p + 1;
    } else if (c == '\n') {
      break;
    } else if (c == '"' || (c == '\r' && !(p + 1 == end || p[1] == '\n'))) {
      return false;
    }
  }
  const char* stop = p;
  if (stop > start && stop[-1] == '\r') --stop;
  fields.emplace_back(start, static_cast<std::size_t>(stop - start));
  pos = static_cast<std::size_t>((p < end ? p + 1 : p) - t.data());
  return true;
}

// Why the record text[start, end) cannot be used, or nullptr.
const char* bad_record(std::string_view text, std::size_t start, std::size_t end) {
  if (end - start > io::read_policy().max_line)
    return "the row is longer than --max-line bytes — row skipped; raise --max-line";
  if (end == text.size() && odd_quote_count(text.substr(start)))
    return "a quoted field opened on this line is never closed — row skipped; the rows after "
           "it are read on (close the quote)";
  return nullptr;
}

constexpr std::initializer_list<const char*> kIdNames = {"id", "incident_id", "event_id_cnty"};
constexpr std::initializer_list<const char*> kLonNames = {"lon", "longitude", "x"};
constexpr std::initializer_list<const char*> kLatNames = {"lat", "latitude", "y"};

int find_column(const std::vector<std::string>& header, std::initializer_list<const char*> names) {
  for (const char* n : names)
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == n) return static_cast<int>(i);
  return -1;
}

// Plain decimals ("-69.589982") with at most 2^53 as digits and 22
// decimals: the digits and 10^k are exact doubles, so one division is the
// correctly rounded value, the same that from_chars finds (Clinger's fast
// path). Anything else goes to from_chars.
bool parse_plain_decimal(std::string_view s, double& out) {
  static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                      1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                      1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  std::size_t i = 0;
  const bool negative = !s.empty() && s[0] == '-';
  if (negative) ++i;
  std::uint64_t m = 0;
  int whole = 0, decimals = -1;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      if (m > (std::uint64_t{1} << 53) / 10) return false;
      m = m * 10 + static_cast<std::uint64_t>(c - '0');
      decimals >= 0 ? ++decimals : ++whole;
    } else if (c == '.' && decimals < 0) {
      decimals = 0;
    } else {
      return false;
    }
  }
  if (whole == 0 || decimals == 0 || decimals > 22 || m > (std::uint64_t{1} << 53)) return false;
  const double v = static_cast<double>(m) / kPow10[decimals < 0 ? 0 : decimals];
  out = negative ? -v : v;
  return true;
}

bool parse_double(std::string_view s, double& out) {
  if (s.empty()) return false;
  if (parse_plain_decimal(s, out)) return true;
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

// Plain decimals on the fast path; anything else (a decimal comma, DMS such
// as 40°03′N) through the shared parser every other reader uses.
bool parse_degrees_fast(std::string_view s, double limit, double& out) {
  if (parse_double(s, out)) return out >= -limit && out <= limit;
  try {
    out = io::parse_degrees(std::string(s), limit == 90 ? "lat" : "lon", limit);
    return true;
  } catch (const InputError&) {
    return false;
  }
}

std::string_view field(const std::vector<std::string_view>& f, int i) {
  return i >= 0 && static_cast<std::size_t>(i) < f.size() ? f[static_cast<std::size_t>(i)]
                                                          : std::string_view{};
}

struct Columns {
  int id = -1, lon = -1, lat = -1, date = -1, fat = -1, prec = -1, adm = -1;
};

// Parses the records in t[pos, end) — `pos` at a record's start, `end` at a
// record's start or the text's end. Lines are counted from `line` (the line
// before the first record); returns the line of the last record.
long parse_rows(std::string_view t, std::size_t pos, std::size_t end, const Columns& c,
                const std::string& name, long line, PointTable& out) {
  const std::string_view text = t.substr(0, end);
  std::vector<std::string_view> f;
  std::vector<std::string> slow;
  out.ids.reserve((end - pos) / 40);
  out.points.reserve((end - pos) / 40);
  while (pos < text.size()) {
    const long at_line = line + 1;
    const std::size_t start = pos;
    if (plain_record(text, pos, f)) {
      ++line;
    } else {
      pos = next_record(text, pos, slow, line);
      f.assign(slow.begin(), slow.end());
    }
    if (f.size() == 1 && f[0].empty()) continue;  // blank line
    // A quote never closed swallowed the rest of the text, or a record is
    // beyond --max-line: reject its line and read on from the next one.
    if (const char* why = bad_record(text, start, pos)) {
      out.rejected.push_back({name, at_line, std::string(field(f, c.id).substr(0, 64)), why, true});
      pos = text.find('\n', start);
      pos = pos == std::string_view::npos ? text.size() : pos + 1;
      line = at_line;
      continue;
    }
    double x = 0, y = 0;
    const std::string_view rid = field(f, c.id);
    // The text fields that reach the output must be text.
    if (io::utf8_error(rid) || io::utf8_error(field(f, c.date)) ||
        io::utf8_error(field(f, c.adm))) {
      out.rejected.push_back({name, at_line, "",
                              "bytes that are not UTF-8 — row skipped; save "
                              "the file as UTF-8",
                              true});
      continue;
    }
    if (!parse_degrees_fast(field(f, c.lon), 180, x) ||
        !parse_degrees_fast(field(f, c.lat), 90, y)) {
      out.rejected.push_back({name, at_line, std::string(rid),
                              "no usable lon/lat ('" + std::string(field(f, c.lon)) + "', '" +
                                  std::string(field(f, c.lat)) +
                                  "') — row skipped; give WGS84 degrees",
                              true});
      continue;
    }
    out.ids.emplace_back(rid);
    out.points.push_back({x, y});
    if (c.date >= 0) out.dates.emplace_back(field(f, c.date).substr(0, 10));
    if (c.fat >= 0) {
      double v = -1;
      out.fatalities.push_back(parse_double(field(f, c.fat), v) ? static_cast<long>(v) : -1);
    }
    if (c.prec >= 0) {
      const std::string_view p = field(f, c.prec);
      int v = p.size() == 1 && p[0] >= '1' && p[0] <= '3' ? p[0] - '0' : 0;
      out.precision.push_back(static_cast<GeoPrecision>(v));
    }
    if (c.adm >= 0) out.admin1.emplace_back(field(f, c.adm));
  }
  return line;
}

// Whether t[begin, end) holds an odd number of quotes: memchr hops from
// quote to quote, one sweep for files without any.
bool odd_quotes(std::string_view t, std::size_t begin, std::size_t end) {
  bool odd = false;
  const char* const stop = t.data() + end;
  for (const char* q = t.data() + begin;
       (q = static_cast<const char*>(std::memchr(q, '"', static_cast<std::size_t>(stop - q)))); ++q)
    odd = !odd;
  return odd;
}

// Where the first record at or after `from` starts: after the next line end
// outside quotes; `quoted` is the quoting state at `from` (the parity of the
// quotes before it: a doubled quote inside a quoted field flips it twice).
std::size_t record_start_after(std::string_view t, std::size_t from, bool quoted) {
  for (std::size_t i = from; i < t.size(); ++i) {
    if (t[i] == '"') quoted = !quoted;
    if (t[i] == '\n' && !quoted) return i + 1;
  }
  return t.size();
}

template <class T>
void append(std::vector<T>& to, std::vector<T>& from) {
  if (to.empty()) {
    to = std::move(from);
    return;
  }
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

PointTable parse_point_table(std::string_view text, const std::string& name, unsigned threads) {
  std::vector<std::string> header;
  long line = 0;
  std::size_t pos = 0;
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) pos = 3;
  if (pos >= text.size()) throw InputError(at(name, 1, "empty file — expected a CSV header"));
  pos = next_record(text, pos, header, line);
  Columns c;
  c.id = find_column(header, kIdNames);
  c.lon = find_column(header, kLonNames);
  c.lat = find_column(header, kLatNames);
  if (c.id < 0 || c.lon < 0 || c.lat < 0)
    throw InputError(at(name, 1,
                        "the header needs columns id, lon and lat (or longitude/latitude) — "
                        "rename the columns or give bordermap's incident CSV"));
  c.date = find_column(header, {"date_start", "date", "event_date"});
  c.fat = find_column(header, {"fatalities", "killed"});
  c.prec = find_column(header, {"geo_precision"});
  c.adm = find_column(header, {"admin1"});

  // Every core for big tables: the rows are cut into runs at record starts
  // (several per thread, handed out as threads come free), parsed apart,
  // then moved into place in order.
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t body = text.size() - pos;
  const std::size_t n =
      threads == 1 ? 1 : std::max<std::size_t>(1, std::min<std::size_t>(8 * threads, body >> 18));
  // The quoting state at each nominal cut is the parity of the quotes before
  // it, counted per stretch on every core (this first pass over the text
  // also maps it in); each cut then moves on to the next record start.
  std::vector<std::size_t> at(n + 1);
  for (std::size_t k = 0; k <= n; ++k) at[k] = pos + body * k / n;
  std::vector<char> odd(n);
  if (n > 1)
    for_each_task(n - 1, threads,
                  [&](std::size_t k) { odd[k] = odd_quotes(text, at[k], at[k + 1]); });
  std::vector<std::size_t> cut{pos};
  bool quoted = false;
  for (std::size_t k = 1; k < n; ++k) {
    quoted = quoted != (odd[k - 1] != 0);
    cut.push_back(std::max(cut.back(), record_start_after(text, at[k], quoted)));
  }
  cut.push_back(text.size());
  std::vector<PointTable> parts(n);
  std::vector<long> lines(n);
  for_each_task(n, threads, [&](std::size_t k) {
    lines[k] = parse_rows(text, cut[k], cut[k + 1], c, name, 0, parts[k]);
  });
  if (n == 1) {
    for (auto& r : parts[0].rejected) r.line += line;
    return std::move(parts[0]);
  }

  PointTable out;
  std::vector<std::size_t> first{0};
  for (std::size_t k = 0; k < n; ++k) {
    for (auto& r : parts[k].rejected) r.line += line;
    line += lines[k];
    first.push_back(first.back() + parts[k].ids.size());
    append(out.rejected, parts[k].rejected);
  }
  const std::size_t rows = first.back();
  auto size_for = [&](auto& v, bool column) {
    if (column) v.resize(rows);
  };
  size_for(out.ids, true);
  size_for(out.points, true);
  size_for(out.dates, c.date >= 0);
  size_for(out.fatalities, c.fat >= 0);
  size_for(out.precision, c.prec >= 0);
  size_for(out.admin1, c.adm >= 0);
  for_each_task(n, threads, [&](std::size_t k) {
    auto place = [&](auto& from, auto& to) {
      if (from.empty()) return;
      std::move(from.begin(), from.end(), to.begin() + static_cast<std::ptrdiff_t>(first[k]));
    };
    PointTable& p = parts[k];
    place(p.ids, out.ids);
    place(p.points, out.points);
    place(p.dates, out.dates);
    place(p.fatalities, out.fatalities);
    place(p.precision, out.precision);
    place(p.admin1, out.admin1);
    p = PointTable{};  // frees the run's memory on this thread
  });
  return out;
}

PointTable read_point_table(const std::string& path, unsigned threads) {
  FileText file(path);
  return parse_point_table(file.text(), path, threads);
}

bool is_point_header(const std::vector<std::string>& header) {
  return find_column(header, kIdNames) >= 0 && find_column(header, kLonNames) >= 0 &&
         find_column(header, kLatNames) >= 0;
}

}  // namespace bm
