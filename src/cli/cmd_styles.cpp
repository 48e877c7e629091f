#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/global.hpp"
#include "geodata/bundle.hpp"
#include "render/style.hpp"

namespace bm::cli {
namespace {

// The first comment line of a style file is its one-line description.
std::string description_of(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind('#', 0) == 0) return line.substr(line.find_first_not_of("# "));
  return "";
}

// `bordermap styles`: list the bundled map styles, or validate style files.
class StylesCommand : public Command {
 public:
  const char* name() const override { return "styles"; }
  const char* summary() const override {
    return "List the bundled map styles, or check style files (exit 1 with file:line on error)";
  }
  const char* example() const override { return "bordermap styles --check my_style.toml"; }
  void setup(CLI::App& app) override {
    app.add_option("--check", check_, "Style files (.toml) to validate");
  }
  void run() override {
    if (!check_.empty()) {
      for (const auto& f : check_) {
        load_style(f);  // throws ConfigError naming file:line
        checked_.push_back(f);
        if (!global().json) std::cout << f << ": ok\n";
      }
      return;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(data_root() + "/styles"))
      if (e.path().extension() == ".toml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      load_style(f.string());  // a bundled style that fails to load is a bug: say so
      listed_.push_back(
          {{"name", f.stem().string()}, {"path", f.string()}, {"description", description_of(f)}});
      if (!global().json) std::cout << f.stem().string() << "\t" << description_of(f) << '\n';
    }
  }
  nlohmann::json result_json() const override {
    return check_.empty() ? nlohmann::json{{"styles", listed_}}
                          : nlohmann::json{{"checked", checked_}};
  }

 private:
  std::vector<std::string> check_;
  std::vector<std::string> checked_;
  std::vector<nlohmann::json> listed_;
};

}  // namespace

std::unique_ptr<Command> make_styles_command() { return std::make_unique<StylesCommand>(); }

}  // namespace bm::cli
