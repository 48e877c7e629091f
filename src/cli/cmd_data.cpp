#include <iostream>

#include "cli/commands.hpp"
#include "cli/global.hpp"
#include "geodata/bundle.hpp"
#include "geodata/bundle_info.hpp"
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
  }
  void run() override {
    info_ = describe_bundle(Bundle(path_).path());  // Bundle says what to do when it is missing
    info_["incidents"] = default_incidents_path();
    info_["data_folder"] = {{"path", data_root()}, {"from", data_root_origin()}};
    if (global().json) return;
    std::cout << "Data folder: " << data_root() << " (" << data_root_origin() << ")\n";
    std::cout << info_["path"].get<std::string>() << " (" << info_["bytes"].get<long>() / 1024
              << " KiB)\n";
    for (const auto& l : info_["layers"]) {
      std::cout << "  " << l["name"].get<std::string>() << ": " << l["features"].get<long>() << " "
                << l["geometry"].get<std::string>() << " features";
      if (l.contains("version")) std::cout << " — " << l["version"].get<std::string>();
      std::cout << '\n';
      if (l.contains("licence"))
        std::cout << "      licence: " << l["licence"].get<std::string>() << '\n';
    }
    std::cout << "Bundled incidents: " << info_["incidents"].get<std::string>() << '\n';
  }
  nlohmann::json result_json() const override { return info_; }

 private:
  std::string path_ = default_bundle_path();
  nlohmann::json info_;
};

}  // namespace

std::unique_ptr<Command> make_data_command() { return std::make_unique<DataCommand>(); }

}  // namespace bm::cli
