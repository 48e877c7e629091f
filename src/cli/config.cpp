#include "cli/config.hpp"

#include <toml++/toml.h>

#include <filesystem>

#include "cli/suggest.hpp"
#include "core/error.hpp"
#include "core/xdg.hpp"

namespace bm::cli {
namespace {

// Every name a config key may use for an option of `app`: long names and
// positional names (CLI11 matches "--key", then "-k", then the name).
std::vector<std::string> option_keys(const CLI::App& app) {
  std::vector<std::string> out;
  for (const CLI::Option* o : app.get_options()) {
    for (const auto& n : o->get_lnames()) out.push_back(n);
    for (const auto& n : o->get_snames()) out.push_back(n);
    if (!o->get_single_name().empty() && o->get_lnames().empty())
      out.push_back(o->get_single_name());
  }
  return out;
}

const CLI::App* subcommand_named(const CLI::App& app, const std::string& name) {
  for (const CLI::App* s : app.get_subcommands({}))
    if (s->get_name() == name) return s;
  return nullptr;
}

[[noreturn]] void unknown_key(const std::string& file, const toml::node& n, const std::string& key,
                              const std::string& section, const std::vector<std::string>& known) {
  std::string where = section.empty() ? "at the top level" : "in [" + section + "]";
  std::string hint = closest(key, known);
  throw ConfigError(file + ":" + std::to_string(n.source().begin.line) + ": unknown key '" + key +
                    "' " + where +
                    (hint.empty() ? " — see `bordermap " + section + " --help` for the options"
                                  : " — did you mean '" + hint + "'?"));
}

void check_section(const std::string& file, const toml::table& t, const CLI::App& app,
                   const std::string& section) {
  const auto keys = option_keys(app);
  for (const auto& [k, v] : t) {
    std::string key(k.str());
    if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
    if (const CLI::App* sub = section.empty() ? subcommand_named(app, key) : nullptr;
        sub && v.is_table()) {
      check_section(file, *v.as_table(), *sub, key);
      continue;
    }
    std::vector<std::string> known = keys;
    if (section.empty())
      for (const CLI::App* s : app.get_subcommands({})) known.push_back(s->get_name());
    unknown_key(file, v, key, section, known);
  }
}

}  // namespace

std::vector<std::string> default_config_files() {
  std::vector<std::string> out;
  std::error_code ec;
  if (std::string dir = user_config_dir(); !dir.empty())
    if (std::filesystem::is_regular_file(dir + "/bordermap.toml", ec))
      out.push_back(dir + "/bordermap.toml");
  if (std::filesystem::is_regular_file("bordermap.toml", ec)) out.push_back("bordermap.toml");
  return out;
}

void check_config_keys(const CLI::App& app, const std::string& file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec))
    throw UsageError(file + ": config file not found (given by --config)");
  toml::table t;
  try {
    t = toml::parse_file(file);
  } catch (const toml::parse_error& e) {
    throw ConfigError(file + ":" + std::to_string(e.source().begin.line) +
                      ": not valid TOML: " + std::string(e.description()));
  }
  check_section(file, t, app, "");
}

std::string early_option(int argc, char** argv, const std::string& name) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--") break;
    if (arg == name && i + 1 < argc) return argv[i + 1];
    if (arg.rfind(name + "=", 0) == 0) return arg.substr(name.size() + 1);
  }
  return {};
}

}  // namespace bm::cli
