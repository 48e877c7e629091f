#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/global.hpp"
#include "cli/map_options.hpp"
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
    add_map_options(app, args_);
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
  }
  void run() override {
    finish_map_options(args_);
    RenderOptions& map = args_.map;
    if (auto box = parse_bbox(o_.chain.filter.bbox)) map.bbox = *box;
    if (margin_pct_ < 0 || margin_pct_ > 50)
      throw UsageError("--margin " + std::to_string(margin_pct_) + " — expected 0..50 (percent)");
    map.margin = margin_pct_ / 100;
    const bool own_layers = !own_.countries_file.empty() || !own_.segments_file.empty();
    if (!own_.label_field.empty() && !own_layers)
      throw UsageError("--label-field needs --countries or --segments (a map drawn from lon/lat)");
    for (const auto& path : outputs_) {
      RenderOptions ro = map;
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
  MapOptionArgs args_;
  std::vector<std::string> outputs_;
};

}  // namespace

std::unique_ptr<Command> make_render_command() { return std::make_unique<RenderCommand>(); }

}  // namespace bm::cli
