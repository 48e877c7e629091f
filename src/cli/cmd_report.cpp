#include <iostream>

#include "cli/commands.hpp"
#include "cli/global.hpp"
#include "cli/map_options.hpp"

#include "core/error.hpp"
#include "db/pg_connection.hpp"
#include "export/export.hpp"
#include "report/report.hpp"

namespace bm::cli {
namespace {

class ReportCommand : public Command {
 public:
  const char* name() const override { return "report"; }
  const char* summary() const override {
    return "Whole chain: incidents -> places -> border links -> maps, report.html and GeoJSON";
  }
  const char* example() const override { return "bordermap report -o out/ my_incidents.csv"; }
  void setup(CLI::App& app) override {
    add_input_option(app, o_.inputs);
    app.add_option("-o,--out", o_.out_dir, "Output directory")->capture_default_str();
    app.add_option("--style", o_.style, "Map style name or .toml path")->capture_default_str();
    app.add_option("--title", o_.title, "Map title");
    app.add_option("--formats", o_.formats, "Map formats to write, comma-separated")
        ->delimiter(',')
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->allow_extra_args(false)
        ->check(CLI::IsMember({"svg", "png", "pdf"}))
        ->capture_default_str();
    app.add_option("--attribution", o_.attribution,
                   "Extra credit line on the map (e.g. your organisation)");
    app.add_option(
        "--to-db", o_.to,
        "Also write the data into PostGIS: PG:\"dbname=… host=…\" (see docs/postgis.md)");
    app.add_option("--table-prefix", o_.to_options.table_prefix,
                   "--to-db: prefix of the table names");
    auto* append = app.add_flag("--append", append_, "--to-db: add the rows whose id is new");
    app.add_flag("--overwrite", overwrite_, "--to-db: replace existing tables")->excludes(append);
    app.add_option("--by", o_.by,
                   "Also one small map per day or week (same extent), in by-day/ or by-week/ "
                   "and in report.html")
        ->check(CLI::IsMember({"day", "week"}));
    add_filter_options(app, o_.filter);
    add_map_options(app, map_args_);
  }
  void run() override {
    finish_map_options(map_args_);
    o_.map = map_args_.map;

    o_.to_options.mode = append_      ? WriteMode::append
                         : overwrite_ ? WriteMode::overwrite
                                      : WriteMode::create;
    if (!o_.to.empty()) {
      if (!db::is_pg(o_.to)) throw UsageError("--to-db '" + o_.to + "' — expected PG:\"dbname=…\"");
      check_export_target(o_.to, o_.to_options, CsvFlavour::bordermap);  // before the work
    } else if (append_ || overwrite_ || !o_.to_options.table_prefix.empty()) {
      throw UsageError("--table-prefix, --append and --overwrite go with --to-db PG:…");
    }
    o_.progress = make_progress();
    r_ = run_report(o_);
    note_rejections(r_.rejected, "not mapped");
    if (global().json) return;
    std::cout << "Read " << r_.incidents_read << " incidents, mapped " << r_.incidents_mapped
              << ", not mapped " << r_.rejected.size() << " (see rejected.csv).\n";
    for (const auto& p : r_.written) std::cout << "wrote " << p << '\n';
  }
  nlohmann::json result_json() const override {
    std::vector<nlohmann::json> rejected;
    for (const auto& rej : r_.rejected)
      rejected.push_back(
          {{"file", rej.file}, {"line", rej.line}, {"record", rej.record}, {"reason", rej.reason}});
    return {{"incidents_read", r_.incidents_read},
            {"incidents_mapped", r_.incidents_mapped},
            {"border", r_.border},
            {"as_of", r_.as_of},
            {"rejected", rejected},
            {"written", r_.written}};
  }

 private:
  ReportOptions o_;
  MapOptionArgs map_args_;

  bool append_ = false;
  bool overwrite_ = false;
  ReportResult r_;
};

}  // namespace

std::unique_ptr<Command> make_report_command() { return std::make_unique<ReportCommand>(); }

}  // namespace bm::cli
