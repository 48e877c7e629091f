#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/global.hpp"
#include "core/error.hpp"
#include "render/map.hpp"
#include "render/page.hpp"
#include "report/report.hpp"

namespace bm::cli {
namespace {

class RenderCommand : public Command {
 public:
  const char* name() const override { return "render"; }
  const char* summary() const override {
    return "Draw the report map of an incident CSV to SVG, PNG or PDF (format from -o)";
  }
  const char* example() const override {
    return "bordermap render incidents.csv -o map.pdf --page A4 --landscape --style print";
  }
  void setup(CLI::App& app) override {
    add_input_option(app, o_.inputs);
    app.add_option("-o,--out", outputs_, "Output map: .svg, .png or .pdf (repeat -o for several)")
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
    add_filter_options(app, o_.filter);  // --bbox is also the map extent
    app.add_option("--title", o_.title, "Map title");
  }
  void run() override {
    if (auto box = parse_bbox(o_.filter.bbox)) map_.bbox = *box;
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
    for (const auto& path : outputs_) {
      RenderOptions ro = map_;
      ro.path = path;
      format_from_path(path, "");  // a bad extension fails before any work
      o_.maps.push_back(ro);
    }
    auto parent = std::filesystem::path(outputs_.front()).parent_path();
    o_.out_dir = parent.empty() ? "." : parent.string();
    o_.progress = make_progress();
    ReportResult r = run_report(o_);
    note_rejections(r.rejected, "not mapped");
    summary_ = {{"incidents_read", r.incidents_read},
                {"incidents_mapped", r.incidents_mapped},
                {"not_mapped", r.rejected.size()},
                {"written", r.written}};
    if (!global().json)
      for (const auto& p : r.written) std::cout << "wrote " << p << '\n';
  }
  nlohmann::json result_json() const override { return summary_; }

 private:
  nlohmann::json summary_;
  ReportOptions o_;
  RenderOptions map_;
  std::vector<std::string> outputs_;
  std::string size_;
};

}  // namespace

std::unique_ptr<Command> make_render_command() { return std::make_unique<RenderCommand>(); }

}  // namespace bm::cli
