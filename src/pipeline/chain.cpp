#include "pipeline/chain.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <sstream>

#include "core/checksum.hpp"
#include "core/error.hpp"
#include "core/strings.hpp"
#include "geodata/world_borders.hpp"

#include "db/pg_connection.hpp"
#include "ingest/ingest.hpp"
#include "link/linker.hpp"
#include "link/segments_near.hpp"
#include "pipeline/resolve_step.hpp"

namespace bm {
namespace {

Bounds located_area(const std::vector<Incident>& incidents) {
  Bounds area;
  for (const auto& i : incidents)
    if (i.location) area.add(*i.location);
  return area;
}

// Without --border: the pair of countries whose segments most incidents link to.
std::pair<std::string, std::string> main_pair(const std::vector<BorderSegment>& segments,
                                              const std::vector<Link>& links) {
  std::map<std::string, const BorderSegment*> by_id;
  for (const auto& s : segments) by_id.emplace(s.id, &s);
  PairVotes votes;
  for (const auto& l : links)
    if (auto it = by_id.find(l.segment_id); it != by_id.end())
      votes.add({it->second->country_a, it->second->country_b}, l.distance_m);
  return votes.winner();
}

// What the map and tables show: the main border, and every stretch some
// incident links to.
std::vector<BorderSegment> linked_or_between(std::vector<BorderSegment> segments,
                                             const std::vector<Link>& links, const std::string& a,
                                             const std::string& b) {
  std::set<std::string> used;
  for (const auto& l : links) used.insert(l.segment_id), used.insert(l.disputed_segment_id);
  std::vector<BorderSegment> out;
  for (auto& s : segments)
    if (used.count(s.id) || (s.country_a == a && s.country_b == b)) out.push_back(std::move(s));
  return out;
}

// The segments to link against: the --border's, else the world's near the
// incidents (the pair is chosen after linking).
NearSegments chain_segments(const ChainOptions& o, const Bundle& bundle,
                            const std::vector<Incident>& incidents, Chain& out) {
  if (!o.filter.border.empty()) {
    std::tie(out.a, out.b) = parse_border(o.filter.border);
    auto segments = border_segments(bundle, out.a, out.b, out.countries);
    if (segments.empty())
      throw InputError("countries " + out.a + " and " + out.b +
                       " share no border in the bundled data");
    return {std::move(segments), 1e9, has_world_borders(bundle)};
  }
  NearSegments near = segments_near(bundle, located_area(incidents));
  if (near.segments.empty())
    throw UsageError(
        "no incident has a location, so no border can be chosen — give --border, e.g. --border "
        "KG-TJ");
  return near;
}

}  // namespace

RowsDigest digest_rows(const IncidentTable& table) {
  std::ostringstream rows;
  write_incidents_csv(rows, table.incidents);
  for (const auto& r : table.rejected)
    rows << "rejected," << r.line << ',' << r.record << ',' << r.reason << '\n';
  return {table.incidents.size() + table.rejected.size(), sha256_text(rows.str())};
}

namespace {

// read → filter → resolve → filter, every input; incidents in input order.
std::vector<Incident> read_resolved(const ChainOptions& o, const std::vector<std::string>& inputs,
                                    PlaceResolver& resolver, Chain& out) {
  std::vector<Incident> incidents;
  for (const auto& path : inputs) {
    IncidentTable t = ingest::read(path, {});
    if (db::is_pg(path)) out.digests[path] = digest_rows(t);
    out.incidents_read += t.incidents.size() + t.rejected.size();
    out.rejected.insert(out.rejected.end(), t.rejected.begin(), t.rejected.end());
    apply_filter(t.incidents, o.filter, path, out.rejected);  // dates first: cheap
    resolver.resolve(t.incidents, path, out.rejected, o.progress);
    apply_filter(t.incidents, o.filter, path, out.rejected);  // bbox needs locations
    for (auto& i : t.incidents) incidents.push_back(std::move(i));
  }
  return incidents;
}

// Without --border the border is chosen from located incidents; when none
// is located, say why (the rejections would otherwise never be shown: the
// command stops before it lists them) instead of asking for --border alone.
[[noreturn]] void throw_nothing_located(const Chain& out) {
  std::string files;
  for (const auto& f : out.inputs) files += (files.empty() ? "" : ", ") + f;
  if (out.incidents_read == 0)
    throw InputError(files +
                     ": no incident records (a header only, or an empty table) — "
                     "nothing to map");
  std::string why;
  bool malformed = false;
  for (std::size_t k = 0; k < out.rejected.size() && k < 5; ++k) {
    const Rejection& r = out.rejected[k];
    why += "\n  " + at(r.file, r.line, (r.record.empty() ? "" : r.record + ": ") + r.reason);
  }
  for (const auto& r : out.rejected) malformed = malformed || r.malformed;
  if (out.rejected.size() > 5)
    why += "\n  ... and " + std::to_string(out.rejected.size() - 5) + " more";
  std::string msg = "none of the " + std::to_string(out.incidents_read) + " records in " + files +
                    " has a usable location, so no border can be chosen" +
                    (why.empty() ? "" : ":" + why) +
                    "\nFix the rows, or give --border (e.g. --border KG-TJ) to draw the border "
                    "without them.";
  if (malformed) throw InputError(msg);
  throw UsageError(msg);
}

std::vector<Link> link_all(const std::vector<Incident>& incidents, const Linker& linker,
                           const RegionAreas& areas, const ProgressFn& progress) {
  std::vector<Link> links;
  for (std::size_t k = 0; k < incidents.size(); ++k) {
    report_progress(progress, "link", k, incidents.size());
    if (!incidents[k].location) continue;
    auto area = areas.find(incidents[k].id);
    links.push_back(linker.link(incidents[k], area == areas.end() ? nullptr : area->second.get()));
  }
  report_progress(progress, "link", incidents.size(), incidents.size());
  return links;
}

}  // namespace

std::pair<std::string, std::string> parse_border(const std::string& text) {
  auto parts = split(text, '-');
  if (parts.size() != 2 || parts[0].size() != 2 || parts[1].size() != 2)
    throw UsageError("--border '" + text + "' — expected two ISO country codes like KG-TJ");
  return {parts[0], parts[1]};
}

void PairVotes::add(const std::pair<std::string, std::string>& pair, double distance_m) {
  Votes& v = votes_[pair];
  ++v.n;
  v.sum_m += distance_m;
}

std::pair<std::string, std::string> PairVotes::winner() const {
  const std::pair<const std::pair<std::string, std::string>, Votes>* best = nullptr;
  for (const auto& entry : votes_) {
    const Votes& v = entry.second;
    if (!best || v.n > best->second.n || (v.n == best->second.n && v.sum_m < best->second.sum_m))
      best = &entry;
  }
  return best ? best->first : std::pair<std::string, std::string>{};
}

std::string default_incidents_path() { return data_root() + "/geodata/incidents/kgtj_2022-09.csv"; }

std::string map_status_date(const std::vector<Incident>& incidents, const std::string& as_of) {
  if (!as_of.empty()) return as_of;
  std::string first;
  for (const auto& i : incidents)
    if (!i.date.start.empty() && (first.empty() || i.date.start < first)) first = i.date.start;
  return first;
}

Bounds near_extent(const std::vector<BorderSegment>& segments) {
  Bounds near;
  for (const auto& s : segments) near.add(bounds_of(s.lines));
  if (near.empty()) return near;
  return {near.min_lon - 6, near.min_lat - 4, near.max_lon + 6, near.max_lat + 4};
}

Chain run_chain(const ChainOptions& o) {
  Chain out;
  out.inputs = o.inputs.empty() ? std::vector<std::string>{default_incidents_path()} : o.inputs;
  PlaceResolver resolver;
  std::vector<Incident> incidents = read_resolved(o, out.inputs, resolver, out);
  const Bundle& bundle = resolver.bundle();
  if (o.filter.border.empty() && std::none_of(incidents.begin(), incidents.end(),
                                              [](const Incident& i) { return i.location; }))
    throw_nothing_located(out);
  out.countries = bundle.countries();
  NearSegments near_rows = chain_segments(o, bundle, incidents, out);
  std::vector<BorderSegment> segments = std::move(near_rows.segments);
  // The linker applies the status rule: o.filter.as_of, else each incident's date.
  const LinkOptions link_opts{o.within_m, o.filter.as_of, 0, has_world_borders(bundle)};
  out.data.links = link_all(incidents, Linker(segments, out.countries, link_opts),
                            resolver.region_areas(), o.progress);
  if (beyond_near(out.data.links, near_rows.exact_within_m)) {
    segments = bundle.segments();
    out.data.links = link_all(incidents, Linker(segments, out.countries, link_opts),
                              resolver.region_areas(), o.progress);
  }
  if (out.a.empty()) {  // no --border: the border the incidents lie nearest to
    std::tie(out.a, out.b) = main_pair(segments, out.data.links);
    if (out.a.empty())
      throw UsageError(
          "no incident could be linked to a border — give --border, e.g. --border KG-TJ");
    segments = linked_or_between(std::move(segments), out.data.links, out.a, out.b);
  }
  for (const auto& c : out.countries) out.data.country_names[c.iso2] = c.name;
  const Bounds near = near_extent(segments);
  for (const auto& c : out.countries)
    if (bounds_of(c.area).intersects(near)) out.data.countries.push_back(c);
  out.data.focus = {out.a, out.b};
  out.data.as_of = map_status_date(incidents, o.filter.as_of);
  out.data.incidents = std::move(incidents);
  out.data.segments = std::move(segments);
  out.bundle_path = bundle.path();
  out.region_areas = resolver.region_areas();
  out.border_lines = border_lines(resolver.border_places(), out.data.segments, out.a, out.b,
                                  out.data.as_of, bundle, out.countries);
  return out;
}

std::size_t incidents_mapped(const Chain& chain) {
  return chain.data.links.size() + chain.border_lines.size();
}

}  // namespace bm
