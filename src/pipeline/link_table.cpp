#include "pipeline/link_table.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <optional>
#include <regex>
#include <span>
#include <sstream>

#include "core/error.hpp"
#include "db/pg_connection.hpp"
#include "gazetteer/normalize.hpp"
#include "geodata/bundle.hpp"
#include "geodata/world_borders.hpp"
#include "ingest/ingest.hpp"
#include "io/incidents_csv.hpp"
#include "io/text.hpp"
#include "io/values.hpp"
#include "link/linker.hpp"
#include "link/links_csv.hpp"
#include "link/points_csv.hpp"
#include "link/segments_file.hpp"
#include "link/segments_near.hpp"
#include "link/summary.hpp"
#include "pipeline/chain.hpp"
#include "pipeline/resolve_step.hpp"

namespace bm {
namespace {

// The fast reader takes plain CSV point tables whose header it knows (id,
// lon, lat as points_csv.hpp spells them). Anything else — our incident CSV
// (claims, place names), other spellings (Lat, LONG), semicolons, GeoJSON,
// GeoPackage, spreadsheets, database tables — goes through ingest, which
// reads them all.
bool is_incident_schema(const std::string& path) {
  if (db::is_pg(path)) return true;  // a table, not a file to sniff
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open — check the path");
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  io::reject_cr_only_lines(head, path);
  std::string header = head.substr(0, head.find('\n'));
  if (header.rfind("\xEF\xBB\xBF", 0) == 0) header.erase(0, 3);
  if (!header.empty() && header.back() == '\r') header.pop_back();
  if (header.find("claims") != std::string::npos || header.find("place") != std::string::npos)
    return true;
  std::vector<std::string> names;
  std::string name;
  std::istringstream cells(header);
  while (std::getline(cells, name, ',')) {
    name = io::trim(name);
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"')
      name = name.substr(1, name.size() - 2);
    names.push_back(name);
  }
  return !is_point_header(names);
}

struct Rows {
  PointTable table;
  std::vector<KilledRange> killed;
};

// The chain's read and resolve steps, then the columns the fast linker takes.
Rows read_incident_schema(const std::string& path, PlaceResolver& resolver) {
  Rows rows;
  IncidentTable t = ingest::read(path, {});
  rows.table.rejected = t.rejected;
  resolver.resolve(t.incidents, path, rows.table.rejected);
  drop_unplaced(t.incidents);
  for (auto& i : t.incidents) {
    rows.table.ids.push_back(i.id);
    rows.table.points.push_back(*i.location);
    rows.table.dates.push_back(i.date.start);
    rows.table.precision.push_back(i.precision);
    rows.table.admin1.push_back(i.admin1.empty() ? i.place : i.admin1);
    rows.killed.push_back(killed_range(i.claims));
  }
  return rows;
}

// With no --border and no file: the world's segments near the points, and
// how far from a point the answer is still exact.
NearSegments load_segments(const LinkRunOptions& o, const Bundle& bundle,
                           const std::vector<Country>& countries, const Bounds& area,
                           std::vector<Rejection>& rejected) {
  if (!o.segments_file.empty()) {
    SegmentFile f = read_segments_file(o.segments_file);
    rejected.insert(rejected.end(), f.rejected.begin(), f.rejected.end());
    return {std::move(f.segments), 1e9, false};
  }
  if (o.border.empty()) return segments_near(bundle, area);
  auto [a, b] = parse_border(o.border);
  auto segs = border_segments(bundle, a, b, countries);
  if (segs.empty())
    throw InputError("countries " + a + " and " + b +
                     " share no border in the bundled data — give --segments FILE");
  return {std::move(segs), 1e9, has_world_borders(bundle)};
}

// Some point's nearest loaded segment is farther than the loaded area
// guarantees: a segment left out might be nearer.
bool beyond(const std::vector<PointLink>& links, double exact_within_m) {
  for (const auto& l : links)
    if (l.distance_m > exact_within_m || l.segment < 0) return true;
  return false;
}

}  // namespace

double parse_distance_m(const std::string& text) {
  static const std::regex re(R"(\s*([0-9]+(?:\.[0-9]*)?)\s*(km|m)?\s*)");
  std::smatch m;
  if (!std::regex_match(text, m, re))
    throw UsageError("--within '" + text + "' — expected a distance like 5km or 500m");
  double v = std::stod(m[1].str());
  return m[2].str() == "km" ? v * 1000 : v;
}

LinkRunResult run_link(const LinkRunOptions& o) {
  static const std::regex iso(R"(\d{4}-\d{2}-\d{2})");
  if (!o.as_of.empty() && !std::regex_match(o.as_of, iso))
    throw UsageError("--as-of '" + o.as_of + "' — expected an ISO date like 2022-09-16");
  const double within_m = parse_distance_m(o.within);
  auto last = std::chrono::steady_clock::now();
  auto lap = [&](const char* step) {
    const auto now = std::chrono::steady_clock::now();
    if (o.timing) {
      char buf[96];
      std::snprintf(buf, sizeof buf, "link: %-6s %.3f s", step,
                    std::chrono::duration<double>(now - last).count());
      o.timing(buf);
    }
    last = now;
  };
  PlaceResolver resolver;
  const Bundle& bundle = resolver.bundle();
  Rows rows;
  if (is_incident_schema(o.input))
    rows = read_incident_schema(o.input, resolver);
  else
    rows.table = read_point_table(o.input, o.threads);
  PointTable& t = rows.table;
  lap("read");
  if (!o.summary.empty() && rows.killed.empty() && !t.fatalities.empty()) {  // only the summary
    rows.killed.reserve(t.fatalities.size());
    for (long f : t.fatalities) rows.killed.push_back(f < 0 ? KilledRange{} : KilledRange{f, f});
  }

  Bounds area;
  for (const auto& p : t.points) area.add(p);
  // Grown by a degree: a segment's side may name a country whose polygon
  // misses the points' box (the 1:10m polygons are kilometres off).
  std::vector<Country> countries = area.empty()
                                       ? std::vector<Country>{}
                                       : bundle.countries({area.min_lon - 1, area.min_lat - 1,
                                                           area.max_lon + 1, area.max_lat + 1});
  LinkRunResult result;
  result.rejected = t.rejected;
  NearSegments near = load_segments(o, bundle, countries, area, result.rejected);
  const LinkOptions link_opts{within_m, o.as_of, o.threads, near.a_left};
  std::optional<Linker> linker;
  linker.emplace(std::move(near.segments), countries, link_opts);
  lap("set-up");
  // Without region rows every link is final as soon as it is made, so the
  // table is written while the rest is still being linked (unless only the
  // segments near the points were loaded: those links are checked first).
  bool has_regions = false;
  for (std::size_t i = 0; i < t.precision.size() && i < t.admin1.size() && !has_regions; ++i)
    has_regions = t.precision[i] == GeoPrecision::region && !t.admin1[i].empty();
  std::optional<LinksCsvStream> stream;
  if (!has_regions && near.exact_within_m >= 1e9) stream.emplace(o.out, *linker, t.ids);
  std::vector<PointLink> links;
  if (stream) {
    // Only the blocks not yet written are held, unless the summary needs
    // every link.
    if (!o.summary.empty()) links.resize(t.points.size());
    linker->stream_points(t.points, t.dates, [&](std::span<const PointLink> block, std::size_t lo) {
      stream->block_done(block, lo);
      if (!links.empty())
        std::copy(block.begin(), block.end(), links.begin() + static_cast<std::ptrdiff_t>(lo));
    });
  } else {
    links = linker->link_points(t.points, t.dates);
    if (beyond(links, near.exact_within_m)) {
      linker.emplace(bundle.segments(), countries, link_opts);
      links = linker->link_points(t.points, t.dates);
    }
  }

  // Region-precision rows: link the region, not its representative point.
  std::vector<std::vector<std::string>> bounding;
  if (!t.precision.empty() && !t.admin1.empty()) {
    std::vector<Region> regions;
    bool loaded = false;
    static const std::string none;
    for (std::size_t i = 0; i < links.size(); ++i) {
      if (t.precision[i] != GeoPrecision::region || t.admin1[i].empty()) continue;
      if (!loaded) regions = bundle.regions(area), loaded = true;
      const std::string key = normalize_name(t.admin1[i]);
      const Region* found = nullptr;
      for (const auto& r : regions) {
        if (normalize_name(r.name) == key) found = &r;
        for (const auto& alt : r.alt_names)
          if (!found && normalize_name(alt) == key) found = &r;
        if (found) break;
      }
      if (!found) {
        result.rejected.push_back(
            {o.input, 0, t.ids[i],
             "region '" + t.admin1[i] + "' not in the bundled admin-1 layer — linked as a point"});
        continue;
      }
      const std::string& date = t.dates.empty() ? none : t.dates[i];
      links[i] = linker->link_region(t.points[i], found->area, date);
      bounding.resize(links.size());
      bounding[i] = linker->bounding_segments(found->area, date);
    }
  }
  lap("link");
  if (stream)
    stream->finish();
  else
    write_links_csv(o.out, *linker, t.ids, links, bounding);
  lap("write");
  if (!o.summary.empty())
    write_summary_csv(o.summary,
                      summarize_segments(*linker, links, t.dates, rows.killed, bounding));
  result.read = t.ids.size() + t.rejected.size();
  result.linked = t.ids.size();
  return result;
}

}  // namespace bm
