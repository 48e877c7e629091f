#include "render/map.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/error.hpp"
#include "render/canvas.hpp"
#include "render/furniture.hpp"
#include "render/labels.hpp"
#include "render/layers.hpp"
#include "render/names.hpp"
#include "render/surface.hpp"

namespace bm {
namespace {

constexpr int kIncidentPriority = 100;  // incident labels go first

Bounds map_extent(const MapData& data, const RenderOptions& o) {
  if (!o.bbox.empty()) return o.bbox;
  Bounds b;
  for (const auto& mi : data.incidents)
    if (mi.incident->location) b.add(*mi.incident->location);
  if (b.empty())
    for (const auto& s : data.segments) b.add(bounds_of(s.lines));
  if (b.empty())
    for (const auto& c : data.countries)
      if (is_focus(data, c.iso2)) b.add(bounds_of(c.area));
  if (b.empty()) b = {-180, -85, 180, 85};
  double pad_lon = std::max(0.25, (b.max_lon - b.min_lon) * 0.12);
  double pad_lat = std::max(0.18, (b.max_lat - b.min_lat) * 0.12);
  return {b.min_lon - pad_lon, b.min_lat - pad_lat, b.max_lon + pad_lon, b.max_lat + pad_lat};
}

// Half the width and height of a label's box, with its halo.
XY half_size(const Canvas& c, const std::string& text, double size) {
  TextSize t = measure_text(c.cr, c.style.font, size, text);
  return {t.width / 2 + 2, t.height / 2 + 1};
}

// A label point for the visible part of an area: among a grid of points in
// the frame that fall inside the area, the one nearest their mean (so the
// label sits in the bulk of what the reader sees, not on a sliver).
// Returns the grid points inside the area: those where a label box of
// half-size `half` fits wholly inside first, then by nearness to the mean.
std::vector<XY> visible_centre(const Canvas& c, const MultiPolygon& area, XY half) {
  std::vector<std::vector<XY>> rings;
  for (const auto& p : area)
    for (const auto& ring : p.rings) {
      std::vector<XY> d;
      d.reserve(ring.size());
      for (const auto& q : ring) d.push_back(c.view.to_device(q));
      rings.push_back(std::move(d));
    }
  auto inside = [&](XY pt) {
    bool in = false;
    for (const auto& r : rings)
      for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++)
        if ((r[i].y > pt.y) != (r[j].y > pt.y) &&
            pt.x < (r[j].x - r[i].x) * (pt.y - r[i].y) / (r[j].y - r[i].y) + r[i].x)
          in = !in;
    return in;
  };
  std::vector<XY> hits;
  const int nx = 32, ny = 22;
  for (int i = 1; i < nx; ++i)
    for (int j = 1; j < ny; ++j) {
      XY pt{c.frame.x0 + (c.frame.x1 - c.frame.x0) * i / nx,
            c.frame.y0 + (c.frame.y1 - c.frame.y0) * j / ny};
      if (inside(pt)) hits.push_back(pt);
    }
  if (hits.size() < 6) return {};  // too little of it is visible to name
  XY mean{0, 0};
  for (const auto& h : hits) mean.x += h.x, mean.y += h.y;
  mean.x /= static_cast<double>(hits.size()), mean.y /= static_cast<double>(hits.size());
  // Points where the whole label box lies inside the area come first: a
  // country's name must not straddle its border.
  auto fits = [&](XY p) {
    for (double dx : {-half.x, 0.0, half.x})
      for (double dy : {-half.y, half.y})
        if (!inside({p.x + dx, p.y + dy})) return false;
    return true;
  };
  std::stable_sort(hits.begin(), hits.end(), [&](const XY& a, const XY& b) {
    bool fa = fits(a), fb = fits(b);
    if (fa != fb) return fa;
    return std::hypot(a.x - mean.x, a.y - mean.y) < std::hypot(b.x - mean.x, b.y - mean.y);
  });
  return hits;
}

// Incidents at the same spot share one label listing their numbers.
std::vector<LabelRequest> incident_labels(const Canvas& c, const MapData& data) {
  std::map<std::pair<long, long>, LabelRequest> by_spot;
  for (const auto& mi : data.incidents) {
    if (!mi.incident->location || !mi.labelled) continue;
    XY d = c.view.to_device(*mi.incident->location);
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

std::vector<LabelRequest> area_labels(const Canvas& c, const MapData& data) {
  std::vector<LabelRequest> out;
  if (c.style.show_region_names && c.style.show_regions)
    for (const auto& r : data.regions) {
      if (!is_focus(data, r.country)) continue;
      auto at = visible_centre(c, r.area, half_size(c, r.name, c.style.region_label_size));
      if (at.empty()) continue;
      LabelRequest q;
      q.text = r.name;
      q.anchor = at[0];
      q.alternatives.assign(at.begin() + 1, at.end());
      q.priority = 20;
      q.size = c.style.region_label_size;
      q.centred = true;
      q.font_suffix = " Italic";
      q.color = &c.style.muted_text;
      out.push_back(q);
    }
  if (c.style.show_country_names)
    for (const auto& country : data.countries) {
      auto at =
          visible_centre(c, country.area, half_size(c, country.name, c.style.country_label_size));
      if (at.empty()) continue;
      LabelRequest q;
      q.text = country.name;
      q.anchor = at[0];
      q.alternatives.assign(at.begin() + 1, at.end());
      q.priority = is_focus(data, country.iso2) ? 31 : 30;  // above admin-1 names
      q.size = c.style.country_label_size;
      q.centred = true;
      q.color = &c.style.country_text;
      out.push_back(q);
    }
  return out;
}

DrawnBox drawn(const std::string& what, const Box& b) { return {what, b.x0, b.y0, b.x1, b.y1}; }

}  // namespace

RenderResult render_map(const MapData& input, const Style& base_style, const RenderOptions& o) {
  const LabelScript script = label_script_from(o.label_script);
  MapData data = input;
  for (auto& mi : data.incidents) mi.name = place_label(*mi.incident, script);
  Style style = base_style;  // adjusted below for dense maps
  std::string format = format_from_path(o.path, o.format);
  PageSize page = o.page.empty() ? PageSize{o.width, o.height} : page_size(o.page, o.landscape);
  if (page.width < 200 || page.height < 200)
    throw UsageError("map size " + std::to_string(page.width) + "x" + std::to_string(page.height) +
                     " pt is too small — at least 200x200");
  Bounds extent = map_extent(data, o);
  Projection proj(o.crs, extent);

  // Layout: title on top, attribution at the foot, the claims panel at the
  // right on landscape pages and below the map on portrait ones.
  const double W = page.width, H = page.height;
  const double margin = std::clamp(std::min(W, H) * 0.025, 12.0, 24.0);
  const double title_h = style.title_size * 1.3 + style.label_size * 1.4 + 14;
  const double foot_h = style.label_size + 10;
  const bool landscape = W >= H * 1.1;
  Box frame{margin, margin + title_h, W - margin, H - margin - foot_h};
  // The claims panel lists incidents by callout number: without callouts
  // (every incident labelled by its own text) there is nothing to key it to.
  if (!data.incidents.empty() &&
      std::all_of(data.incidents.begin(), data.incidents.end(),
                  [](const MapIncident& mi) { return !mi.label.empty(); }))
    style.show_claims_panel = false;
  Box panel{};
  if (style.show_claims_panel) {
    if (landscape) {
      double pw = std::clamp(W * 0.3, 180.0, 380.0);
      frame.x1 = W - margin - pw - 14;
      panel = {frame.x1 + 14, frame.y0, W - margin, frame.y1};
    } else {
      double ph = H * 0.3;
      frame.y1 = H - margin - foot_h - ph - 10;
      panel = {margin, frame.y1 + 12, W - margin, H - margin - foot_h};
    }
  }
  Viewport view(proj, extent, frame.x0, frame.y0, frame.x1 - frame.x0, frame.y1 - frame.y0,
                o.margin);

  RenderResult result;
  result.projection = proj.definition();
  result.page_width = W, result.page_height = H;
  result.frame[0] = frame.x0, result.frame[1] = frame.y0;
  result.frame[2] = frame.x1, result.frame[3] = frame.y1;

  // Incidents outside the frame (a --bbox can leave some out) are not drawn,
  // labelled or put in the legend; the claims panel still lists them.
  MapData shown = data;
  shown.incidents.clear();
  std::vector<int> outside;
  for (const auto& mi : data.incidents) {
    if (!mi.incident->location) continue;
    XY d = view.to_device(*mi.incident->location);
    if (d.x >= frame.x0 && d.x <= frame.x1 && d.y >= frame.y0 && d.y <= frame.y1)
      shown.incidents.push_back(mi);
    else
      outside.push_back(mi.number);
  }
  if (o.label_max >= 0)
    for (std::size_t k = static_cast<std::size_t>(o.label_max); k < shown.incidents.size(); ++k)
      shown.incidents[k].labelled = false;
  // A dense map shrinks every symbol by one factor (areas stay proportional
  // to the tolls, the legend's size key shrinks alike) so that symbols cover
  // at most a fifth of the frame instead of burying it.
  double covered = 0;
  for (const auto& mi : shown.incidents)
    covered += M_PI * std::pow(symbol_radius(style, *mi.incident), 2);
  const double frame_area = (frame.x1 - frame.x0) * (frame.y1 - frame.y0);
  if (covered > 0.2 * frame_area) {
    double k = std::sqrt(0.2 * frame_area / covered);
    style.symbol_scale *= k, style.symbol_min *= k;
    result.symbol_factor = k;
  }

  draw_to_file(o.path, format, page, o.dpi, [&](cairo_t* cr, bool primary) {
    // A PNG's second band draws the same map: only one call reports it.
    RenderResult scratch;
    RenderResult& out = primary ? result : scratch;
    Canvas c{cr, view, style, frame, {}};
    set_color(cr, style.page);
    cairo_paint(cr);
    paint_countries(c, data);
    bool regions = style.show_regions && paint_regions(c, data);
    bool enclaves = style.show_enclaves && paint_enclaves(c, data);
    paint_segments(c, data);
    bool approx_rings = false;
    for (const auto& mi : shown.incidents)
      approx_rings = approx_rings || approx_ring(c, *mi.incident) > 0;
    for (const auto& sb : paint_incidents(c, shown)) {
      if (!sb.labelled) continue;
      c.obstacles.push_back(sb.box);
      out.obstacles.push_back(drawn("symbol:" + std::to_string(sb.number), sb.box));
    }
    auto furniture = [&](const std::string& what, const Box& b) {
      c.obstacles.push_back(b);
      c.furniture.push_back(b);
      out.obstacles.push_back(drawn(what, b));
    };
    if (style.show_legend && !style.show_claims_panel) {  // no panel: inside the frame
      auto entries = legend_entries(shown, style, enclaves, regions, approx_rings);
      Box lb = legend_box(c, entries, 0, 0);
      furniture("legend", paint_legend(c, entries, frame.x0 + 8, frame.y1 - 8 - (lb.y1 - lb.y0)));
    }
    if (style.show_scale_bar) {
      ScaleBar sb = compute_scale_bar(view, std::min(160.0, view.width() * 0.25));
      out.scale_bar_metres = sb.metres, out.scale_bar_points = sb.length;
      furniture("scale_bar", paint_scale_bar(c, sb, frame.x1 - sb.length - 36, frame.y1 - 18));
    }
    if (style.show_north_arrow)
      furniture("north_arrow", paint_north_arrow(c, frame.x0 + 8, frame.y0 + 8));
    if (style.show_inset) {
      double iw = std::clamp(view.width() * 0.2, 90.0, 170.0), ih = iw * 0.72;
      Box where{frame.x1 - iw - 8, frame.y0 + 8, frame.x1 - 8, frame.y0 + 8 + ih};
      furniture("inset", paint_inset(c, data, extent, where));
    }
    auto requests = incident_labels(c, shown);
    for (auto& r : area_labels(c, data)) requests.push_back(std::move(r));
    Placement placement = place_labels(c, requests);
    draw_labels(c, placement);
    for (const auto& p : placement.placed) {
      out.labels.push_back(drawn("label:" + p.text, p.box));
      if (!p.leader) continue;
      XY end = leader_end(p.request->anchor, p.box);
      out.leaders.push_back(
          {"leader:" + p.text, p.request->anchor.x, p.request->anchor.y, end.x, end.y});
    }
    for (const auto* r : placement.unplaced) out.unplaced.push_back(r->text);
    for (const auto& r : requests) out.incident_labels_requested += r.priority == kIncidentPriority;
    for (const auto& p : placement.placed)
      out.incident_labels_placed += p.request->priority == kIncidentPriority;
    {
      SavedState guard(cr);
      set_color(cr, style.country_line);
      cairo_set_line_width(cr, 1);
      cairo_rectangle(cr, frame.x0, frame.y0, frame.x1 - frame.x0, frame.y1 - frame.y0);
      cairo_stroke(cr);
    }
    paint_title(c, data, margin, margin, frame.x1 - margin);
    // The legend heads the side panel (or its left column on portrait
    // pages), outside the frame so it never hides data.
    Box claims = panel;
    if (style.show_legend) {
      auto entries = legend_entries(shown, style, enclaves, regions, approx_rings);
      for (const auto& e : entries) out.legend.push_back(e.label);
      if (style.show_claims_panel) {
        Box lb = paint_legend(c, entries, panel.x0, panel.y0);
        if (landscape)
          claims.y0 = lb.y1 + 14;
        else
          claims.x0 = lb.x1 + 18;
      }
    }
    if (style.show_claims_panel) paint_claims_panel(c, data, claims, outside);
    paint_attribution(c, data, {margin, H - margin - foot_h + 6, W - margin, H});
  });
  return result;
}

}  // namespace bm
