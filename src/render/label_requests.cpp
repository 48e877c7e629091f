// What the map labels: incidents (one label per spot), region and country
// names, each with the anchors it may take.
#include "render/label_requests.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "render/layers.hpp"
#include "render/names.hpp"

namespace bm {

// Half the width and height of a label's box, with its halo.
XY half_size(const Canvas& c, const std::string& text, double size) {
  TextSize t = measure_text(c.cr, c.style.font, size, text);
  return {t.width / 2 + 2, t.height / 2 + 1};
}

namespace {

const MultiPolygon* country_area(const MapData& data, const std::string& iso2) {
  for (const auto& c : data.countries)
    if (c.iso2 == iso2) return &c.area;
  return nullptr;
}

}  // namespace

// Incidents at the same spot share one label listing their numbers.
std::vector<LabelRequest> incident_labels(const Canvas& c, const MapData& data) {
  std::map<std::pair<long, long>, LabelRequest> by_spot;
  for (const auto& mi : data.incidents) {
    if (!mi.incident->location || !mi.labelled || mi.spread()) continue;
    XY d = device_point(c.view, mi);
    auto key = std::make_pair(std::lround(d.x), std::lround(d.y));
    auto [it, fresh] = by_spot.try_emplace(key);
    LabelRequest& r = it->second;
    if (fresh) {
      r.anchor = d;
      r.priority = kIncidentPriority;
      r.size = c.style.label_size;
    }
    if (!mi.label.empty()) {  // its own text: no callout number
      r.text += (fresh ? "" : ", ") + mi.label;
    } else {
      if (fresh)
        r.text = mi.name + " ";
      else
        r.text += ",", r.short_text += ",";
      r.text += std::to_string(mi.number);
      r.short_text += std::to_string(mi.number);
    }
    r.radius = std::max(r.radius, symbol_radius(c.style, *mi.incident));
  }
  std::vector<LabelRequest> out;
  out.reserve(by_spot.size());
  for (auto& [key, r] : by_spot) out.push_back(std::move(r));
  return out;
}

std::vector<std::vector<XY>> area_label_anchors(const Canvas& c, const MapData& data) {
  std::vector<std::vector<XY>> out;
  if (c.style.show_region_names && c.style.show_regions)
    for (const auto& r : data.regions) {
      if (!is_focus(data, r.country)) continue;
      // Admin-1 areas are 1:10m: on fills cut from the 10 m line a region's
      // name stays on its own country's side.
      out.push_back(visible_centre(c, r.area, half_size(c, r.name, c.style.region_label_size),
                                   data.fills_cut ? country_area(data, r.country) : nullptr));
    }
  if (c.style.show_country_names)
    for (const auto& country : data.countries)
      out.push_back(
          visible_centre(c, country.area, half_size(c, country.name, c.style.country_label_size)));
  return out;
}

std::vector<LabelRequest> area_labels(const Canvas& c, const MapData& data,
                                      const std::vector<std::vector<XY>>& anchors) {
  std::vector<LabelRequest> out;
  std::size_t k = 0;  // anchors come in the order of the loops below
  auto request = [&](const std::string& text) -> LabelRequest* {
    const std::vector<XY>& at = anchors.at(k++);
    if (at.empty()) return nullptr;
    LabelRequest& q = out.emplace_back();
    q.text = text;
    q.anchor = at[0];
    q.alternatives.assign(at.begin() + 1, at.end());
    q.centred = true;
    return &q;
  };
  if (c.style.show_region_names && c.style.show_regions)
    for (const auto& r : data.regions) {
      if (!is_focus(data, r.country)) continue;
      if (LabelRequest* q = request(r.name)) {
        q->priority = 20;
        q->size = c.style.region_label_size;
        q->font_suffix = " Italic";
        q->color = &c.style.muted_text;
      }
    }
  if (c.style.show_country_names)
    for (const auto& country : data.countries)
      if (LabelRequest* q = request(country.name)) {
        q->priority = is_focus(data, country.iso2) ? 31 : 30;  // above admin-1 names
        q->size = c.style.country_label_size;
        q->color = &c.style.country_text;
      }
  return out;
}

namespace {

bool ring_contains(const Ring& r, LonLat p) {
  bool in = false;
  for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++)
    if ((r[i].lat > p.lat) != (r[j].lat > p.lat) &&
        p.lon < (r[j].lon - r[i].lon) * (p.lat - r[i].lat) / (r[j].lat - r[i].lat) + r[i].lon)
      in = !in;
  return in;
}

// The gazetteer's name of the enclave whose point lies inside `ring`; empty
// when the data gives none.
std::string enclave_name(const MapData& data, const Enclave& e) {
  for (const auto& p : data.enclave_places)
    if (p.point && ring_contains(*e.ring, *p.point)) return without_qualifier(p.name);
  return {};
}

double device_area(const Canvas& c, const Ring& ring) {
  double a = 0;
  XY prev = c.view.to_device(ring.back());
  for (const auto& p : ring) {
    XY d = c.view.to_device(p);
    a += prev.x * d.y - d.x * prev.y;
    prev = d;
  }
  return std::abs(a) / 2;
}

// Every named enclave by its name, and the unnamed ones as "<country>
// enclave" — but where a country has more than three unnamed in view only
// its largest is labelled: Baarle's two dozen would otherwise bury the map
// in one repeated label (the legend explains the fill).
std::vector<std::pair<Enclave, std::string>> labelled_enclaves(const Canvas& c,
                                                               const MapData& data) {
  constexpr std::size_t kAllUpTo = 3;
  std::vector<std::pair<Enclave, std::string>> out;
  std::map<std::string, std::vector<std::pair<double, Enclave>>> unnamed;  // by country
  for (const auto& e : visible_enclaves(c, data)) {
    if (std::string name = enclave_name(data, e); !name.empty())
      out.emplace_back(e, name);
    else
      unnamed[e.country->name].emplace_back(device_area(c, *e.ring), e);
  }
  for (auto& [country, list] : unnamed) {
    if (list.size() > kAllUpTo) {
      auto largest = std::max_element(
          list.begin(), list.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
      list = {*largest};
    }
    for (const auto& [area, e] : list) out.emplace_back(e, country + " enclave");
  }
  return out;
}

}  // namespace

std::vector<LabelRequest> enclave_labels(const Canvas& c, const MapData& data) {
  std::vector<LabelRequest> out;
  if (!c.style.show_enclaves) return out;
  for (const auto& [e, name] : labelled_enclaves(c, data)) {
    LabelRequest q;
    q.text = name;
    q.priority = 40;  // before country and region names: small, and easily crowded out
    q.size = c.style.region_label_size;
    q.font_suffix = " Italic";
    auto at = visible_centre(c, {Polygon{{*e.ring}}}, half_size(c, q.text, q.size));
    if (!at.empty()) {
      q.anchor = at[0];
      q.alternatives.assign(at.begin() + 1, at.end());
      q.centred = true;
    } else {  // too small to hold its name: beside it
      XY mean{0, 0};
      for (const auto& p : *e.ring) {
        XY d = c.view.to_device(p);
        mean.x += d.x / static_cast<double>(e.ring->size());
        mean.y += d.y / static_cast<double>(e.ring->size());
      }
      q.anchor = mean;
      q.radius = 4;
    }
    out.push_back(std::move(q));
  }
  return out;
}

}  // namespace bm
