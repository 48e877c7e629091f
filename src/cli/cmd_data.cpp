#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/global.hpp"
#include "core/error.hpp"
#include "db/pg_connection.hpp"
#include "export/pg_bundle.hpp"
#include "geodata/bundle.hpp"
#include "geodata/bundle_info.hpp"
#include "geodata/world_borders.hpp"
#include "pipeline/chain.hpp"

namespace bm::cli {
namespace {

// `bordermap data`: what is bundled, from where, under which licence.
class DataCommand : public Command {
 public:
  const char* name() const override { return "data"; }
  const char* summary() const override {
    return "List the bundled data: layers, feature counts, sources, versions, licences";
  }
  const char* example() const override { return "bordermap data --json | jq '.layers[].name'"; }
  void setup(CLI::App& app) override {
    app.add_option("--bundle", path_, "GeoPackage to describe")->capture_default_str();
    app.add_option("--to", to_,
                   "Load the bundled countries, regions, border segments and their status "
                   "periods into this PG:… database (one transaction)");
    app.add_option("--table-prefix", tables_.prefix, "--to: prefix of every table name");
    app.add_flag("--overwrite", tables_.overwrite, "--to: replace existing tables");
  }
  void run() override {
    if (!to_.empty()) return load_into_database();
    info_ = describe_bundle(Bundle(path_).path());  // Bundle says what to do when it is missing
    const std::string borders = borders_path(Bundle(path_));
    if (std::filesystem::exists(borders)) info_["borders"] = describe_bundle(borders);
    info_["incidents"] = default_incidents_path();
    info_["data_folder"] = {{"path", data_root()}, {"from", data_root_origin()}};
    if (global().json) return;
    std::cout << "Data folder: " << data_root() << " (" << data_root_origin() << ")\n";
    print(info_);
    if (info_.contains("borders")) print(info_["borders"]);
    std::cout << "Bundled incidents: " << info_["incidents"].get<std::string>() << '\n';
  }
  nlohmann::json result_json() const override { return info_; }

  static void print(const nlohmann::json& info) {
    std::cout << info["path"].get<std::string>() << " (" << info["bytes"].get<long>() / 1024
              << " KiB)\n";
    for (const auto& l : info["layers"]) {
      std::cout << "  " << l["name"].get<std::string>() << ": " << l["features"].get<long>() << " "
                << l["geometry"].get<std::string>() << " features";
      if (l.contains("version")) std::cout << " — " << l["version"].get<std::string>();
      std::cout << '\n';
      if (l.contains("licence"))
        std::cout << "      licence: " << l["licence"].get<std::string>() << '\n';
      if (l.contains("attribution") && !l["attribution"].get<std::string>().empty())
        std::cout << "      credit: " << l["attribution"].get<std::string>() << '\n';
    }
  }

 private:
  void load_into_database() {
    if (!db::is_pg(to_))
      throw UsageError("--to '" + to_ + "' — expected a PostgreSQL connection, PG:\"dbname=…\"");
    BundleTablesCounts n = write_bundle_tables(to_, Bundle(path_), tables_);
    info_ = {{"database", db::parse_pg(to_).redacted()},
             {"countries", n.countries},
             {"regions", n.regions},
             {"border_segments", n.segments},
             {"segment_periods", n.periods}};
    note("loaded " + std::to_string(n.countries) + " countries, " + std::to_string(n.regions) +
         " regions, " + std::to_string(n.segments) + " border segments (" +
         std::to_string(n.periods) + " status periods) into " + db::parse_pg(to_).redacted());
  }

  std::string to_;
  BundleTablesOptions tables_;
  std::string path_ = default_bundle_path();
  nlohmann::json info_;
};

}  // namespace

std::unique_ptr<Command> make_data_command() { return std::make_unique<DataCommand>(); }

}  // namespace bm::cli
