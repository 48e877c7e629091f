#include "render/map.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include "core/error.hpp"
#include "render/backend.hpp"
#include "render/base_layers.hpp"
#include "render/canvas.hpp"
#include "render/detail.hpp"
#include "render/furniture.hpp"
#include "render/label_requests.hpp"
#include "render/labels.hpp"
#include "render/layers.hpp"
#include "render/names.hpp"
#include "render/spread.hpp"
#include "render/surface.hpp"

namespace bm {
namespace {

// Venues far from the border (talks or a ceasefire signed in a distant
// city) do not set the frame, which would shrink the cluster along the
// border to a few pixels: they are listed "(outside this map)" and marked on
// the locator. Violent incidents always set it, and so do those reporting
// figures (people who fled to a town 55 km inland): they are the story.
constexpr double kFarFromBorder = 50000;  // metres

bool far_from_border(const MapIncident& mi) {
  return mi.link && mi.link->distance_m > kFarFromBorder && !is_violent(mi.incident->event_type) &&
         mi.incident->claims.empty();
}

Bounds map_extent(const MapData& data, const RenderOptions& o) {
  if (!o.bbox.empty()) return o.bbox;
  Bounds b;
  for (const auto& mi : data.incidents) {
    if (!mi.incident->location || far_from_border(mi)) continue;
    b.add(*mi.incident->location);
    // The border a point is linked to is in the frame: it is what the map is about.
    if (mi.link && !mi.link->segment_id.empty() && !mi.spread()) b.add(mi.link->nearest);
  }
  if (b.empty())  // every incident is far: then they are the story
    for (const auto& mi : data.incidents)
      if (mi.incident->location) b.add(*mi.incident->location);
  // Areas and lines only when no incident is a point: a whole region or
  // border would shrink the villages where most incidents are to dots.
  if (b.empty())
    for (const auto& mi : data.incidents)
      if (mi.spread()) b.add(mi.area ? bounds_of(*mi.area) : bounds_of(mi.lines));
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

DrawnBox drawn(const std::string& what, const Box& b) { return {what, b.x0, b.y0, b.x1, b.y1}; }

// The detail inset's side: a third of the frame's shorter side, within reason.
double detail_side(const Box& frame) {
  return std::clamp(std::min(frame.x1 - frame.x0, frame.y1 - frame.y0) * 0.36, 110.0, 200.0);
}

// The credit's lines, measured before the layout (how many lines sets the
// foot's height) on a scratch context: every surface then draws the same lines.
std::vector<std::string> credit_for(const Style& style, const MapData& data, double width) {
  SurfacePtr scratch(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1));
  ContextPtr cr(cairo_create(scratch.get()));
  return credit_lines(cr.get(), style, data, width);
}

}  // namespace

namespace {

using DrawFn = std::function<void(cairo_t* cr, bool primary)>;
// Where a laid-out map is drawn: a file's surface, or a caller's context.
using DrawSink = std::function<void(PageSize page, const DrawFn& draw)>;

RenderResult render_via(const MapData& input, const Style& base_style, const RenderOptions& o,
                        const DrawSink& sink) {
  const LabelScript script = label_script_from(o.label_script);
  MapData data = input;
  for (auto& mi : data.incidents) mi.name = place_label(*mi.incident, script);
  Style style = base_style;  // adjusted below for dense maps
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
  const std::vector<std::string> credit =
      o.credit ? credit_for(style, data, W - 2 * margin) : std::vector<std::string>{};
  const double foot_h =
      o.credit ? style.label_size + 10 +
                     credit_line_height(style) *
                         (static_cast<double>(std::max<std::size_t>(credit.size(), 1)) - 1)
               : 0;
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
    bool in = false;
    XY d{};
    if (mi.spread()) {
      in = spread_in_frame(view, frame, mi);
    } else if (mi.incident->location) {
      d = view.to_device(*mi.incident->location);
      in = d.x >= frame.x0 && d.x <= frame.x1 && d.y >= frame.y0 && d.y <= frame.y1;
    } else {
      continue;
    }
    if (in) {
      MapIncident& kept = shown.incidents.emplace_back(mi);
      // The page's clickable mark, at the incident's point (an area or a
      // line gets its outline instead: spread_marks).
      if (mi.incident->location && !mi.spread()) {
        kept.at_x = d.x, kept.at_y = d.y, kept.at_on = &view;
        result.marks.push_back({"incident:" + mi.incident->id, d.x, d.y, d.x, d.y});
      }
    } else
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
    if (!mi.spread()) covered += M_PI * std::pow(symbol_radius(style, *mi.incident), 2);
  const double frame_area = (frame.x1 - frame.x0) * (frame.y1 - frame.y0);
  if (covered > 0.2 * frame_area) {
    double k = std::sqrt(0.2 * frame_area / covered);
    style.symbol_scale *= k, style.symbol_min *= k;
    result.symbol_factor = k;
  }

  // The legend: what this map draws, or (small multiples) what the whole
  // set draws, so every period's map has the same legend.
  const MapData& legend_of = o.legend_from ? *o.legend_from : shown;
  sink(page, [&](cairo_t* cr, bool primary) {
    // A PNG's second band draws the same map: only one call reports it.
    RenderResult scratch;
    RenderResult& out = primary ? result : scratch;
    Canvas c{cr, view, style, frame, {}};
    auto draw_base = [&](Canvas& b) {
      set_color(b.cr, style.page);
      cairo_paint(b.cr);
      paint_countries(b, data);
      BaseDrawn d;
      d.regions = style.show_regions && paint_regions(b, data);
      d.enclaves = style.show_enclaves && paint_enclaves(b, data);
      d.area_anchors = area_label_anchors(b, data);
      return d;
    };
    const BaseDrawn base = o.base_layers ? o.base_layers->paint(c, page, draw_base) : draw_base(c);
    const bool regions = base.regions, enclaves = base.enclaves;
    paint_incident_areas(c, shown);
    paint_incident_lines(c, shown);
    if (primary) out.spread_marks = spread_marks(c, shown);
    paint_segments(c, data);
    bool approx_rings = false;
    for (const auto& mi : legend_of.incidents)
      approx_rings = approx_rings || (!mi.spread() && approx_ring(c, *mi.incident) > 0);
    out.drew_enclaves = enclaves, out.drew_regions = regions, out.drew_approx_rings = approx_rings;
    std::vector<Box> symbols;
    for (const auto& sb : paint_incidents(c, shown)) {
      symbols.push_back(sb.box);
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
      auto entries = legend_entries(legend_of, style, enclaves, regions, approx_rings);
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
      furniture("inset", paint_inset(c, data, extent, where, outside));
    }
    std::optional<Box> detailed;  // the cluster's box: the inset labels what is in it
    if (auto k = tight_cluster(view, style, shown, detail_side(frame)))
      if (auto d = paint_detail_inset(c, data, shown, *k, symbols)) {
        detailed = d->marked;
        furniture("detail", d->inset);
        out.detail = drawn("detail", d->inset), out.detail_area = drawn("detail_area", d->marked);
        out.detail_scale_bar_metres = d->scale_bar_metres;
        for (const MapIncident* mi : k->members) out.detail_numbers.push_back(mi->number);
        for (const auto& l : d->labels)
          out.detail_labels.push_back(drawn("label:" + l.text, l.box));
      }
    auto requests = incident_labels(c, shown);
    if (detailed) drop_incident_labels(requests, *detailed);
    for (auto& r : spread_labels(c, shown)) requests.push_back(std::move(r));
    for (auto& r : enclave_labels(c, data)) requests.push_back(std::move(r));
    for (auto& r : area_labels(c, data, base.area_anchors)) requests.push_back(std::move(r));
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
      auto entries = legend_entries(legend_of, style, enclaves, regions, approx_rings);
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
    paint_credit(cr, style, credit, margin, H - margin - foot_h + 6);
  });
  return result;
}

}  // namespace

RenderResult render_map(const MapData& data, const Style& style, const RenderOptions& o) {
  const std::string format = format_from_path(o.path, o.format);
  return render_via(data, style, o, [&](PageSize page, const DrawFn& draw) {
    draw_to_file(o.path, format, page, o.dpi, draw);
  });
}

RenderResult draw_map(cairo_t* cr, const MapData& data, const Style& style,
                      const RenderOptions& o) {
  return render_via(data, style, o, [&](PageSize, const DrawFn& draw) { draw(cr, true); });
}

}  // namespace bm
