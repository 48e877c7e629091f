#include <algorithm>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/global.hpp"
#include "export/export.hpp"
#include "io/stdin_spool.hpp"
#include "pipeline/chain.hpp"
#include "pipeline/export_stream.hpp"

namespace bm::cli {
namespace {

class ExportCommand : public Command {
 public:
  const char* name() const override { return "export"; }
  const char* summary() const override {
    return "Incidents, border segments and links as GeoJSON (+ .qml), GeoPackage or CSV for QGIS";
  }
  const char* example() const override {
    return "bordermap export my_incidents.csv -o out/incidents.gpkg";
  }
  void setup(CLI::App& app) override {
    add_input_option(app, o_.inputs);
    app.add_option("-o,--out", out_,
                   "Output: .geojson, .gpkg, .csv or a PostGIS connection PG:\"dbname=… host=…\"")
        ->required();
    app.add_option("--table-prefix", options_.table_prefix,
                   "PG: output: prefix of the table names (p_incidents, ...)");
    auto* append = app.add_flag("--append", append_, "PG: output: add rows whose id is new");
    app.add_flag("--overwrite", overwrite_, "PG: output: replace existing tables")
        ->excludes(append);
    app.add_option("--layers", layers_,
                   "Layers to write, incidents first: incidents,links,segments,countries "
                   "(CSV: incidents only)")
        ->capture_default_str();
    app.add_option("--flavour", flavour_, "CSV columns: bordermap (our schema) or acled")
        ->capture_default_str();
    app.add_option("--precision", options_.precision, "Decimal places of coordinates")
        ->capture_default_str();
    add_filter_options(app, o_.filter);
  }
  void run() override {
    CsvFlavour flavour = csv_flavour_from(flavour_);
    options_.layers = parse_layers(layers_);
    options_.mode = append_      ? WriteMode::append
                    : overwrite_ ? WriteMode::overwrite
                                 : WriteMode::create;
    check_export_target(out_, options_, flavour);  // before the (long) chain
    o_.progress = make_progress();
    StreamedExport streamed;
    std::unique_ptr<io::StdinSpool> spool;  // stdin, when the stream falls back
    if (flavour == CsvFlavour::bordermap && can_stream_export(o_, out_, options_)) {
      if (std::count(o_.inputs.begin(), o_.inputs.end(), "-"))
        spool = std::make_unique<io::StdinSpool>();
      if (stream_export(o_, out_, options_, streamed)) return report(streamed);
      if (spool) spool->rewind();  // the whole-table path reads it again
    }
    Chain chain = run_chain(o_);
    note_rejections(chain.rejected, "not located");
    std::vector<std::string> written = export_to(out_, chain.data, options_, flavour);
    summary_ = {{"incidents_read", chain.incidents_read},
                {"incidents", chain.data.incidents.size()},
                {"links", chain.data.links.size()},
                {"not_located", chain.rejected.size()},
                {"written", written}};
    if (!global().json)
      for (const auto& p : written) std::cout << "wrote " << p << '\n';
  }
  nlohmann::json result_json() const override { return summary_; }

  void report(const StreamedExport& r) {
    note_rejections(r.rejected, "not located");
    summary_ = {{"incidents_read", r.incidents_read},
                {"incidents", r.incidents},
                {"links", r.links},
                {"not_located", r.rejected.size()},
                {"written", r.written}};
    if (!global().json)
      for (const auto& p : r.written) std::cout << "wrote " << p << '\n';
  }

 private:
  nlohmann::json summary_;
  ChainOptions o_;
  std::string out_;
  std::string flavour_ = "bordermap";
  bool append_ = false;
  bool overwrite_ = false;
  std::string layers_ = "incidents,segments,links,countries";
  ExportOptions options_;
};

}  // namespace

std::unique_ptr<Command> make_export_command() { return std::make_unique<ExportCommand>(); }

}  // namespace bm::cli
