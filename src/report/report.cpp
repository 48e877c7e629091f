#include "report/report.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

#include "core/error.hpp"
#include "export/export.hpp"
#include "gazetteer/gazetteer.hpp"
#include "geodata/bundle.hpp"
#include "ingest/ingest.hpp"
#include "io/atomic.hpp"
#include "io/csv.hpp"
#include "io/incidents_csv.hpp"
#include "link/linker.hpp"
#include "render/map.hpp"
#include "report/link_tables.hpp"
#include "report/manifest.hpp"

namespace bm {
namespace {

std::pair<std::string, std::string> pick_border(const ReportOptions& o,
                                                const std::vector<Incident>& incidents) {
  if (!o.filter.border.empty()) {
    auto parts = split(o.filter.border, '-');
    if (parts.size() != 2 || parts[0].size() != 2 || parts[1].size() != 2)
      throw UsageError("--border '" + o.filter.border +
                       "' — expected two ISO country codes like KG-TJ");
    return {parts[0], parts[1]};
  }
  std::map<std::string, int> count;
  for (const auto& i : incidents)
    if (i.country.size() == 2) ++count[i.country];
  std::vector<std::pair<int, std::string>> ranked;
  for (auto& [c, n] : count) ranked.push_back({-n, c});
  std::sort(ranked.begin(), ranked.end());
  if (ranked.size() < 2)
    throw UsageError(
        "cannot tell which border the incidents are about — give --border, e.g. --border KG-TJ");
  auto a = ranked[0].second, b = ranked[1].second;
  if (b < a) std::swap(a, b);
  return {a, b};
}

// Region areas of the incidents placed only to a region, by incident id: the
// linker measures those from the whole area, as a range.
using RegionAreas = std::map<std::string, std::shared_ptr<const MultiPolygon>>;

// "Kyrgyzstan-Tajikistan border": the whole border of two countries, which
// has no one place on the map.
bool whole_border(const std::string& place, const Gazetteer& gaz) {
  if (!place.ends_with(" border")) return false;
  std::string pair = place.substr(0, place.size() - 7);
  if (pair.starts_with("the ")) pair = pair.substr(4);
  for (std::string_view dash : {"-", "\xE2\x80\x93", "\xE2\x80\x94"}) {
    std::size_t at = pair.find(dash);
    if (at == std::string::npos) continue;
    Resolution a = gaz.resolve(pair.substr(0, at));
    Resolution b = gaz.resolve(pair.substr(at + dash.size()));
    return a.place && b.place && a.place->kind == "country" && b.place->kind == "country" &&
           a.place != b.place;
  }
  return false;
}

void resolve_places(std::vector<Incident>& incidents, const Gazetteer& gaz, const std::string& file,
                    std::vector<Rejection>& rejected, const ProgressFn& progress,
                    RegionAreas& areas) {
  std::size_t done = 0;
  for (auto& i : incidents) {
    report_progress(progress, "resolve", done++, incidents.size());
    if (i.location) continue;
    if (whole_border(i.place, gaz)) {
      std::string why = "place '" + i.place +
                        "' is a whole border (figures are listed in the map's claims panel, not "
                        "drawn at one point of it)";
      rejected.push_back({file, i.line, i.id, why});
      i.resolve_note = why;
      continue;
    }
    ResolveHints hints{i.country, i.admin1};
    Resolution r = gaz.resolve(i.place, hints);
    if (!r.place || !r.location) {
      std::string why = !r.place ? "place '" + i.place + "' not resolved by the gazetteer" +
                                       (r.note.empty() ? "" : " (" + r.note + ")")
                                 : "place '" + i.place + "' is known (" + r.place->id +
                                       ") but neither it nor its area has a coordinate";
      rejected.push_back({file, i.line, i.id, why + " — add lon/lat or a better-known place name"});
      i.resolve_note = why;
      continue;
    }
    if (r.place->kind == "country") {
      // A figure for a whole country (a national toll) has no place on the
      // map: drawing it at the country's centre would invent a location.
      std::string why = "place '" + i.place + "' is the whole of " + r.place->name +
                        " (country-wide figures are listed in the map's claims panel, not drawn)";
      rejected.push_back({file, i.line, i.id, why});
      i.resolve_note = why;
      continue;
    }
    apply_resolution(i, r);
    const Place* area_of = r.parent ? r.parent : r.place;
    if (i.precision == GeoPrecision::region && area_of->area) areas[i.id] = area_of->area;
  }
}

void write_rejected(const std::string& path, const std::vector<Rejection>& rejected) {
  write_file(path, [&](std::ostream& out) {
    csv::write_row(out, {"file", "line", "record", "reason"});
    for (const auto& r : rejected)
      csv::write_row(out, {r.file, r.line ? std::to_string(r.line) : "", r.record, r.reason});
  });
}

}  // namespace

std::string default_incidents_path() { return data_root() + "/geodata/incidents/kgtj_2022-09.csv"; }

Chain run_chain(const ReportOptions& o) {
  Chain result;
  std::vector<std::string> inputs =
      o.inputs.empty() ? std::vector<std::string>{default_incidents_path()} : o.inputs;
  std::vector<Incident> incidents;
  Bundle bundle;
  Gazetteer gaz = Gazetteer::from_bundle(bundle);
  RegionAreas areas;
  for (const auto& path : inputs) {
    IncidentTable t = ingest::read(path, {});
    result.incidents_read += t.incidents.size() + t.rejected.size();
    result.rejected.insert(result.rejected.end(), t.rejected.begin(), t.rejected.end());
    apply_filter(t.incidents, o.filter, path, result.rejected);  // dates first: cheap
    resolve_places(t.incidents, gaz, path, result.rejected, o.progress, areas);
    report_progress(o.progress, "resolve", t.incidents.size(), t.incidents.size());
    apply_filter(t.incidents, o.filter, path, result.rejected);  // bbox needs locations
    for (auto& i : t.incidents) incidents.push_back(std::move(i));
  }
  auto [a, b] = pick_border(o, incidents);
  std::vector<Country> all = bundle.countries();
  std::vector<BorderSegment> segments = border_segments(bundle, a, b, all);
  if (segments.empty())
    throw InputError("countries " + a + " and " + b + " share no border in the bundled data");

  std::string as_of = o.filter.as_of;
  if (as_of.empty())
    for (const auto& i : incidents)
      if (!i.date.start.empty() && (as_of.empty() || i.date.start < as_of)) as_of = i.date.start;
  Linker linker(segments, all, LinkOptions{5000, o.filter.as_of});
  std::vector<Link> links;
  for (std::size_t k = 0; k < incidents.size(); ++k) {
    report_progress(o.progress, "link", k, incidents.size());
    auto area = areas.find(incidents[k].id);
    if (incidents[k].location)
      links.push_back(
          linker.link(incidents[k], area == areas.end() ? nullptr : area->second.get()));
  }
  report_progress(o.progress, "link", incidents.size(), incidents.size());
  for (const auto& c : all) result.data.country_names[c.iso2] = c.name;
  // The land under the data in exports: the countries around the border.
  Bounds near = bounds_of(segments.front().lines);
  for (const auto& s : segments) near.add(bounds_of(s.lines));
  near = {near.min_lon - 2, near.min_lat - 1.5, near.max_lon + 2, near.max_lat + 1.5};
  for (const auto& c : all)
    if (bounds_of(c.area).intersects(near)) result.data.countries.push_back(c);
  result.data.focus = {a, b};
  result.data.incidents = std::move(incidents);
  result.data.links = std::move(links);
  result.data.segments = std::move(segments);
  result.data.as_of = as_of;
  result.countries = std::move(all);
  result.a = a;
  result.b = b;
  result.inputs = inputs;
  result.bundle_path = bundle.path();
  return result;
}

ReportResult run_report(const ReportOptions& o) {
  prepare_output_folder(o.out_dir);  // a file there or a read-only folder: exit 2, before work
  Chain chain = run_chain(o);
  ReportResult result;
  result.incidents_read = chain.incidents_read;
  result.rejected = chain.rejected;
  const std::vector<Incident>& incidents = chain.data.incidents;
  const std::vector<Link>& links = chain.data.links;
  const std::vector<BorderSegment>& segments = chain.data.segments;
  const std::vector<Country>& all = chain.countries;
  const std::string& as_of = chain.data.as_of;
  const std::string &a = chain.a, &b = chain.b;

  MapData data;
  Bounds near = bounds_of(segments.front().lines);
  for (const auto& s : segments) near.add(bounds_of(s.lines));
  near = {near.min_lon - 6, near.min_lat - 4, near.max_lon + 6, near.max_lat + 4};
  for (auto& c : all)
    if (bounds_of(c.area).intersects(near)) data.countries.push_back(c);
  data.focus = {a, b};
  data.regions = Bundle(chain.bundle_path).regions(near);
  data.segments = segments;
  data.as_of = as_of;
  std::map<std::string, const Link*> link_of;
  for (const auto& l : links) link_of[l.incident_id] = &l;
  int n = 0;
  for (const auto& i : incidents) {
    auto it = link_of.find(i.id);
    data.incidents.push_back({&i, it == link_of.end() ? nullptr : it->second, ++n});
  }
  auto country_name = [&](const std::string& iso) {
    auto it = chain.data.country_names.find(iso);
    return it == chain.data.country_names.end() ? iso : it->second;
  };
  data.title = o.title.empty()
                   ? country_name(a) + "–" + country_name(b) + " border: reported incidents"
                   : o.title;
  data.subtitle =
      date_span(incidents) + " · as reported by the sources listed · border status as of " + as_of;
  data.attribution =
      "Base data: Natural Earth (public domain); places: GeoNames (CC BY 4.0) and cited "
      "references. Map: bordermap" +
      (o.attribution.empty() ? std::string() : " · " + o.attribution);
  Style style = load_style(o.style);
  if (!o.maps.empty()) {
    for (const auto& ro : o.maps) {
      result.maps.push_back(render_map(data, style, ro));
      result.written.push_back(ro.path);
    }
    result.incidents_mapped = links.size();
    return result;
  }
  for (std::size_t k = 0; k < o.formats.size(); ++k) {
    report_progress(o.progress, "render", k, o.formats.size());
    RenderOptions ro;
    ro.path = (std::filesystem::path(o.out_dir) / ("report." + o.formats[k])).string();
    render_map(data, style, ro);
    result.written.push_back(ro.path);
  }
  report_progress(o.progress, "render", o.formats.size(), o.formats.size());
  // The data behind the map, styled for QGIS: GeoJSON (+ .qml), GeoPackage, CSV.
  const std::vector<std::string> exports = {"incidents.geojson", "bordermap.gpkg", "incidents.csv"};
  for (std::size_t k = 0; k < exports.size(); ++k) {
    report_progress(o.progress, "export", k, exports.size());
    for (auto& p : export_to((std::filesystem::path(o.out_dir) / exports[k]).string(), chain.data))
      result.written.push_back(p);
  }
  report_progress(o.progress, "export", exports.size(), exports.size());
  std::string links_csv = (std::filesystem::path(o.out_dir) / "links.csv").string();
  write_links_table(links_csv, links);
  result.written.push_back(links_csv);
  std::string summary = (std::filesystem::path(o.out_dir) / "segments_summary.csv").string();
  write_segments_summary(summary, segments, incidents, links);
  result.written.push_back(summary);
  std::string rej = (std::filesystem::path(o.out_dir) / "rejected.csv").string();
  write_rejected(rej, result.rejected);
  result.written.push_back(rej);
  result.incidents_mapped = links.size();
  result.border = a + "-" + b;
  result.as_of = as_of;
  std::string manifest = (std::filesystem::path(o.out_dir) / "manifest.json").string();
  write_manifest(manifest, make_manifest(o, result, chain.inputs, chain.bundle_path));
  result.written.push_back(manifest);
  return result;
}

}  // namespace bm
