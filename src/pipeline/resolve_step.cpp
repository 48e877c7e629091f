#include "pipeline/resolve_step.hpp"

#include <algorithm>

namespace bm {
PlaceResolver::PlaceResolver(std::string bundle_path) : bundle_path_(std::move(bundle_path)) {}

const Bundle& PlaceResolver::bundle() {
  if (!bundle_) bundle_.emplace(bundle_path_);
  return *bundle_;
}

const Gazetteer& PlaceResolver::gazetteer() {
  if (!gazetteer_) gazetteer_.emplace(Gazetteer::from_bundle(bundle()));
  return *gazetteer_;
}

// Why a resolution cannot put the incident on the map; nothing when it can.
std::optional<std::string> PlaceResolver::unplaceable(const Incident& i, const Resolution& r) {
  if (!r.place)
    return "place '" + i.place + "' not resolved by the gazetteer" +
           (r.note.empty() ? "" : " (" + r.note + ")");
  if (!r.location)
    return "place '" + i.place + "' is known (" + r.place->id +
           ") but neither it nor its area has a coordinate";
  // A figure for a whole country (a national toll) has no place on the map:
  // drawing it at the country's centre would invent a location.
  if (r.place->kind == "country")
    return "place '" + i.place + "' is the whole of " + r.place->name +
           " (country-wide figures are listed in the map's claims panel, not drawn)";
  return std::nullopt;
}

void PlaceResolver::place(Incident& i, const std::string& file, std::vector<Rejection>& rejected) {
  // Still a rejection: no point of the border is the incident's, so the
  // point layers leave it out; a map of that border draws it as its line.
  if (auto border = border_place(i.place, i.country, gazetteer())) {
    borders_[i.id] = *border;
    i.resolve_note = "place '" + i.place +
                     "' is a whole border (not a point, so not in the point layers; a map of "
                     "that border draws it as the border line, highlighted)";
    rejected.push_back({file, i.line, i.id, i.resolve_note});
    return;
  }
  if (auto stretch = stretch_place(i.place, i.country, gazetteer())) {
    borders_[i.id] = *stretch;
    i.resolve_note = "place '" + i.place +
                     "' names a stretch of a border (not a point, so not in the point layers; a "
                     "map draws it as that stretch's line, highlighted, when a bundled segment "
                     "has that name or id)";
    rejected.push_back({file, i.line, i.id, i.resolve_note});
    return;
  }
  Resolution r = gazetteer().resolve(i.place, ResolveHints{i.country, i.admin1});
  if (auto why = unplaceable(i, r)) {
    i.resolve_note = *why;
    const bool fixable = !r.place || !r.location;
    rejected.push_back({file, i.line, i.id,
                        fixable ? *why + " — add lon/lat or a better-known place name" : *why});
    return;
  }
  apply_resolution(i, r);
  const Place* area_of = r.parent ? r.parent : r.place;
  if (i.precision == GeoPrecision::region && area_of->area) areas_[i.id] = area_of->area;
}

void PlaceResolver::resolve(std::vector<Incident>& incidents, const std::string& file,
                            std::vector<Rejection>& rejected, const ProgressFn& progress) {
  for (std::size_t k = 0; k < incidents.size(); ++k) {
    report_progress(progress, "resolve", k, incidents.size());
    if (!incidents[k].location) place(incidents[k], file, rejected);
  }
  report_progress(progress, "resolve", incidents.size(), incidents.size());
}

void drop_unplaced(std::vector<Incident>& incidents) {
  std::erase_if(incidents, [](const Incident& i) { return !i.location; });
}

}  // namespace bm
