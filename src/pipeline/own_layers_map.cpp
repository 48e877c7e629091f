#include "pipeline/own_layers_map.hpp"

#include <algorithm>
#include <filesystem>
#include <future>
#include <optional>

#include "core/error.hpp"
#include "geodata/bundle.hpp"
#include "ingest/ingest.hpp"
#include "io/incidents_csv.hpp"
#include "link/segments_file.hpp"
#include "pipeline/chain.hpp"
#include "pipeline/resolve_step.hpp"
#include "render/own_layers.hpp"

namespace bm {
namespace {

std::string file_name(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

// False when no row can fail the filter (no dates given, every row inside
// the bbox): apply_filter re-parses the bbox and moves every row, which is
// a noticeable part of mapping a large table.
bool filter_may_drop(const std::vector<Incident>& incidents, const IncidentFilter& f) {
  if (!f.from.empty() || !f.to.empty()) return true;
  auto box = parse_bbox(f.bbox);
  if (!box) return false;
  return std::any_of(incidents.begin(), incidents.end(), [&](const Incident& i) {
    return i.location && (i.location->lon < box->min_lon || i.location->lon > box->max_lon ||
                          i.location->lat < box->min_lat || i.location->lat > box->max_lat);
  });
}

}  // namespace

std::string incident_field(const Incident& i, const std::string& field) {
  if (field == "id") return i.id;
  if (field == "place") return i.resolved_name.empty() ? i.place : i.resolved_name;
  if (field == "admin1") return i.admin1;
  if (field == "country") return i.country;
  if (field == "event_type") return i.event_type;
  // Source columns are kept as "<format>.<column>" (ogr.label, acled.notes...).
  for (const auto& [key, value] : i.source_fields) {
    auto dot = key.find('.');
    if (key == field ||
        (dot != std::string::npos && key.compare(dot + 1, std::string::npos, field) == 0))
      return value;
  }
  return {};
}

std::unique_ptr<MapInputs> read_map_inputs(const MapInputOptions& o) {
  auto out = std::make_unique<MapInputs>();
  PlaceResolver resolver;  // opens the bundle and gazetteer only when needed
  // The user's own layers are read on a second thread while the incidents
  // are read (GDAL opens separate datasets safely in parallel).
  struct OwnLayers {
    std::vector<Country> countries;
    std::optional<SegmentFile> segments;
    std::vector<Rejection> rejected;
  };
  std::future<OwnLayers> own = std::async(std::launch::async, [&o] {
    OwnLayers l;
    if (!o.countries_file.empty()) l.countries = read_countries_file(o.countries_file, l.rejected);
    if (!o.segments_file.empty()) l.segments = read_segments_file(o.segments_file);
    return l;
  });
  for (const auto& path : o.inputs) {
    IncidentTable t = ingest::read(path, {});
    out->read += t.incidents.size() + t.rejected.size();
    out->rejected.insert(out->rejected.end(), t.rejected.begin(), t.rejected.end());
    // Dates first when the gazetteer has work to do (no resolving of rows
    // the dates drop); bbox once every row has a location.
    const bool unlocated = std::any_of(t.incidents.begin(), t.incidents.end(),
                                       [](const Incident& i) { return !i.location; });
    if (unlocated) {
      apply_filter(t.incidents, o.filter, path, out->rejected);
      resolver.resolve(t.incidents, path, out->rejected);
      drop_unplaced(t.incidents);
    }
    if (filter_may_drop(t.incidents, o.filter))
      apply_filter(t.incidents, o.filter, path, out->rejected);
    if (out->incidents.empty())
      out->incidents = std::move(t.incidents);
    else
      for (auto& i : t.incidents) out->incidents.push_back(std::move(i));
  }
  MapData& d = out->data;
  std::vector<std::string> credits;
  OwnLayers layers = own.get();  // rethrows a reading error
  if (layers.segments) {
    d.segments = std::move(layers.segments->segments);
    out->rejected.insert(out->rejected.end(), layers.segments->rejected.begin(),
                         layers.segments->rejected.end());
    credits.push_back(file_name(o.segments_file));
  } else {
    d.segments = resolver.bundle().segments();
  }
  // The area the bundled countries are taken from: the data, widely padded.
  Bounds near;
  for (const auto& i : out->incidents) near.add(*i.location);
  for (const auto& s : d.segments) near.add(bounds_of(s.lines));
  if (!near.empty())
    near = {near.min_lon - 6, near.min_lat - 4, near.max_lon + 6, near.max_lat + 4};
  if (!o.countries_file.empty()) {
    d.countries = std::move(layers.countries);
    out->rejected.insert(out->rejected.end(), layers.rejected.begin(), layers.rejected.end());
    for (const auto& c : d.countries) d.focus.push_back(c.iso2);  // the user's own: all of them
    credits.insert(credits.begin(), file_name(o.countries_file));
  } else {
    d.countries = resolver.bundle().countries(near);
    for (const auto& s : d.segments)
      for (const auto* iso : {&s.country_a, &s.country_b})
        if (!iso->empty() && std::find(d.focus.begin(), d.focus.end(), *iso) == d.focus.end())
          d.focus.push_back(*iso);
  }
  d.as_of = map_status_date(out->incidents, o.filter.as_of);
  int n = 0;
  for (const auto& i : out->incidents) {
    MapIncident mi{&i, nullptr, ++n};
    if (!o.label_field.empty()) mi.label = incident_field(i, o.label_field);
    d.incidents.push_back(std::move(mi));
  }
  d.title = o.title.empty() ? "Reported incidents" : o.title;
  std::string span = date_span(out->incidents);
  d.subtitle = std::to_string(out->incidents.size()) + " incidents" +
               (span.empty() ? "" : " · " + span) + " · as reported by the sources listed";
  std::string base;
  for (const auto& c : credits) base += (base.empty() ? "" : ", ") + c;
  if (resolver.bundle_opened())
    base += std::string(base.empty() ? "" : "; ") + "Natural Earth (public domain)";
  d.attribution = "Base data: " + base + ". Map: bordermap";
  return out;
}

}  // namespace bm
