#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/global.hpp"
#include "core/error.hpp"
#include "html/report_page.hpp"
#include "pipeline/maps.hpp"
#include "pipeline/own_layers_map.hpp"
#include "render/map.hpp"
#include "render/page.hpp"

namespace bm::cli {
namespace {

class RenderCommand : public Command {
 public:
  const char* name() const override { return "render"; }
  const char* summary() const override {
    return "Draw the report map of an incident CSV to SVG, PNG, PDF or an HTML page (format from "
           "-o)";
  }
  const char* example() const override {
    return "bordermap render incidents.csv -o map.pdf --page A4 --landscape --style print";
  }
  void setup(CLI::App& app) override {
    add_input_option(app, o_.chain.inputs);
    app.add_option(
           "-o,--out", outputs_,
           "Output map: .svg, .png, .pdf or .html (the interactive page; repeat -o for several)")
        ->required()
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->allow_extra_args(false);  // `-o map.png input.csv`: the CSV is an input
    app.add_option("--style", o_.style, "Map style: report, print, dark, or a .toml path")
        ->capture_default_str();
    app.add_option("--crs", map_.crs,
                   "Projection: EPSG:xxxx or a PROJ string (default: Lambert azimuthal "
                   "equal-area centred on the data)");
    app.add_option("--dpi", map_.dpi, "PNG resolution; pixels = points x dpi / 72")
        ->capture_default_str();
    app.add_option("--size", size_, "Layout size WxH in points when no --page (default 1200x820)");
    app.add_option("--page", map_.page,
                   "Page size: A4, A3 or Letter (portrait unless --landscape)");
    app.add_flag("--landscape", map_.landscape, "Landscape page (with --page)");
    add_filter_options(app, o_.chain.filter);  // --bbox is also the map extent
    app.add_option("--margin", margin_pct_,
                   "With --bbox: percent of the projected extent added on each side");
    app.add_option("--title", o_.text.title, "Map title");
    app.add_option("--countries", own_.countries_file,
                   "Polygon layer (any GDAL vector file) drawn instead of the bundled countries; "
                   "draws straight from the incidents' lon/lat, without linking");
    app.add_option("--segments", own_.segments_file,
                   "Border line layer (as for link --segments) drawn instead of the bundled "
                   "border; draws straight from the incidents' lon/lat, without linking");
    app.add_option("--label-field", own_.label_field,
                   "Column whose text labels each incident (e.g. label); default: place name "
                   "and callout number. Needs --countries or --segments");
    app.add_option("--label-script", map_.label_script,
                   "Script of place labels: latn, cyrl, or source (the script the source "
                   "wrote the place in); default: the gazetteer's name")
        ->check(CLI::IsMember({"latn", "cyrl", "source"}));
    app.add_option("--label-max", map_.label_max,
                   "Label at most N incidents, the first N in table order (order = priority)")
        ->check([](const std::string& v) {
          return v.rfind('-', 0) == 0 ? std::string("expected a count, 0 or more") : std::string();
        });
  }
  void run() override {
    if (auto box = parse_bbox(o_.chain.filter.bbox)) map_.bbox = *box;
    if (!size_.empty()) {
      auto x = size_.find('x');
      try {
        if (x == std::string::npos) throw std::invalid_argument("no x");
        map_.width = std::stod(size_.substr(0, x));
        map_.height = std::stod(size_.substr(x + 1));
      } catch (const std::exception&) {
        throw UsageError("--size '" + size_ + "' — expected WIDTHxHEIGHT in points, e.g. 1200x820");
      }
    }
    if (map_.landscape && map_.page.empty())
      throw UsageError("--landscape needs --page A4, A3 or Letter");
    if (margin_pct_ < 0 || margin_pct_ > 50)
      throw UsageError("--margin " + std::to_string(margin_pct_) + " — expected 0..50 (percent)");
    map_.margin = margin_pct_ / 100;
    const bool own_layers = !own_.countries_file.empty() || !own_.segments_file.empty();
    if (!own_.label_field.empty() && !own_layers)
      throw UsageError("--label-field needs --countries or --segments (a map drawn from lon/lat)");
    for (const auto& path : outputs_) {
      RenderOptions ro = map_;
      ro.path = path;
      // A bad extension fails before any work; .html is the interactive page.
      if (!path.ends_with(".html")) format_from_path(path, "");
      o_.maps.push_back(ro);
    }
    o_.chain.progress = make_progress();
    MapsResult r = own_layers ? render_own_layers() : draw_maps(o_);
    note_rejections(r.rejected, "not mapped");
    summary_ = {{"incidents_read", r.incidents_read},
                {"incidents_mapped", r.incidents_mapped},
                {"not_mapped", r.rejected.size()},
                {"written", r.written}};
    if (!r.maps.empty()) {
      const RenderResult& m = r.maps.front();
      summary_["labels"] = {{"requested", m.incident_labels_requested},
                            {"placed", m.incident_labels_placed},
                            {"overlapping", overlapping_labels(m)}};
      detail("labels: " + std::to_string(m.incident_labels_placed) + " of " +
             std::to_string(m.incident_labels_requested) + " incident labels placed, " +
             std::to_string(overlapping_labels(m)) + " overlapping");
    }
    if (!global().json)
      for (const auto& p : r.written) std::cout << "wrote " << p << '\n';
  }
  nlohmann::json result_json() const override { return summary_; }

 private:
  // The same maps from the incidents' own coordinates and the user's layers.
  MapsResult render_own_layers() {
    MapInputOptions in = own_;
    in.inputs = o_.chain.inputs;
    in.filter = o_.chain.filter;
    in.title = o_.text.title;
    auto mi = read_map_inputs(in);
    MapsResult r;
    r.incidents_read = mi->read;
    r.rejected = mi->rejected;
    r.incidents_mapped = mi->incidents.size();
    Style style = load_style(o_.style);
    for (const auto& ro : o_.maps) {
      if (ro.path.ends_with(".html"))
        html::write_report_html(ro.path, mi->data, style, ro, {mi->rejected, {}, {}, {}, {}});
      else
        r.maps.push_back(render_map(mi->data, style, ro));
      r.written.push_back(ro.path);
    }
    return r;
  }
  // Pairs of placed label boxes that overlap (an independent check: 0 expected).
  static std::size_t overlapping_labels(const RenderResult& m) {
    std::vector<DrawnBox> b = m.labels;
    std::sort(b.begin(), b.end(), [](const DrawnBox& p, const DrawnBox& q) { return p.x0 < q.x0; });
    std::size_t n = 0;
    for (std::size_t i = 0; i < b.size(); ++i)
      for (std::size_t j = i + 1; j < b.size() && b[j].x0 < b[i].x1; ++j)
        n += b[i].y0 < b[j].y1 && b[j].y0 < b[i].y1;
    return n;
  }

  MapInputOptions own_;
  double margin_pct_ = 0;
  nlohmann::json summary_;
  MapRequest o_;
  RenderOptions map_;
  std::vector<std::string> outputs_;
  std::string size_;
};

}  // namespace

std::unique_ptr<Command> make_render_command() { return std::make_unique<RenderCommand>(); }

}  // namespace bm::cli
