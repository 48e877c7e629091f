#include <filesystem>
#include <iostream>

#include "cli/command.hpp"
#include "cli/config.hpp"
#include "cli/global.hpp"
#include "cli/suggest.hpp"
#include "cli/version.hpp"
#include "core/error.hpp"
#include "geodata/bundle.hpp"

namespace bm::cli {
namespace {

const char* const kExitCodes =
    "Exit codes: 0 ok, 1 some input rejected (file:line; --allow-partial for 0) or a write "
    "failed, 2 usage error, 3 internal error (a bug). See docs/errors.md.";

std::vector<std::string> long_names(const CLI::App& app) {
  std::vector<std::string> out;
  for (const CLI::Option* o : app.get_options())
    for (const auto& n : o->get_lnames()) out.push_back("--" + n);
  return out;
}

// Turns CLI11's "not expected: repot" into a hint naming the likely command
// or option, the way git and cargo do.
std::string hint_for(const CLI::App& app, int argc, char** argv) {
  std::vector<std::string> commands;
  for (const CLI::App* s : app.get_subcommands({})) commands.push_back(s->get_name());
  const CLI::App* chosen = nullptr;
  for (const CLI::App* s : app.get_subcommands({}))
    if (s->parsed()) chosen = s;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--", 0) == 0) {
      std::string name = arg.substr(0, arg.find('='));
      auto names = long_names(chosen ? *chosen : app);
      if (std::find(names.begin(), names.end(), name) != names.end()) continue;
      if (auto c = closest(name, names); !c.empty())
        return "unknown option '" + name + "' — did you mean '" + c + "'?";
    } else if (!chosen && arg[0] != '-') {
      if (auto c = closest(arg, commands); !c.empty() && c != arg)
        return "unknown command '" + arg + "' — did you mean '" + c + "'?";
      return "";
    }
  }
  return "";
}

bool is_command(const CLI::App& app, const std::string& word) {
  for (const CLI::App* s : app.get_subcommands({}))
    if (s->get_name() == word) return true;
  return false;
}

}  // namespace

std::vector<std::unique_ptr<Command>> register_commands(CLI::App& app) {
  auto commands = all_commands();
  for (auto& cmd : commands) {
    CLI::App* sub = app.add_subcommand(cmd->name(), cmd->summary());
    sub->footer(std::string("Example:\n  ") + cmd->example() + "\n\n" + kExitCodes);
    cmd->setup(*sub);
  }
  return commands;
}

namespace {

// Config files, checked before CLI11 reads them (CLI11 ignores unknown keys).
// Without --config, every default file is read; the last one wins (CLI11
// reads a list last to first and keeps the first value an option gets).
void use_config_files(CLI::App& app, int argc, char** argv) {
  std::string given = early_option(argc, argv, "--config");
  std::vector<std::string> files = given.empty() ? default_config_files() : std::vector{given};
  for (const auto& f : files) check_config_keys(app, f);
  if (!given.empty() || files.empty()) return;
  std::string list;
  for (const auto& f : files) list += (list.empty() ? "" : "\x1f") + f;
  app.get_config_ptr()
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->delimiter('\x1f')
      ->default_str(list);
}

}  // namespace

int run_main(int argc, char** argv) {
  // The data folder names the defaults that commands declare in setup().
  if (std::string dir = early_option(argc, argv, "--data"); !dir.empty()) set_data_root(dir);
  CLI::App app{"bordermap — maps and GIS data from reports of border incidents"};
  app.set_version_flag("--version", version_text,
                       "Print the version, commit, library versions and data in use, then exit");
  app.require_subcommand(1);
  app.footer(std::string("Run `bordermap COMMAND --help` for a command's options.\n") +
             "Defaults for any option can be set in ~/.config/bordermap/bordermap.toml and "
             "./bordermap.toml ([report] style = \"print\", ...).\n" +
             kExitCodes);
  GlobalOptions& g = global();
  app.add_flag("-q,--quiet", g.quiet, "No progress or notes on stderr (errors still shown)");
  app.add_flag("-v,--verbose", g.verbose, "More detail on stderr");
  app.add_flag("--json", g.json, "Print a machine-readable summary of the run on stdout");
  app.add_option("--progress", g.progress,
                 "Progress on stderr: auto (a bar when stderr is a terminal), bar, json "
                 "(one JSON line per step), none")
      ->check(CLI::IsMember({"auto", "bar", "json", "none"}))
      ->capture_default_str();
  std::string data_dir;
  app.add_option("--data", data_dir,
                 "Data folder (bundled geodata, incidents, styles); default: $BORDERMAP_DATA, "
                 "else ../share/bordermap beside the binary, else the source tree");
  add_input_safety_options(app, g);
  app.set_config("--config", "",
                 "TOML file of option defaults (default: ~/.config/bordermap/bordermap.toml "
                 "and ./bordermap.toml)",
                 false);
  app.fallthrough();  // global flags may come after the subcommand
  auto commands = register_commands(app);
  // "bordermap reprot --help" must not print the general help and exit 0.
  if (argc > 1 && argv[1][0] != '-' && !is_command(app, argv[1])) {
    std::string hint = hint_for(app, argc, argv);
    std::cerr << "bordermap: "
              << (hint.empty() ? "unknown command '" + std::string(argv[1]) + "'" : hint)
              << "\nRun with --help for usage.\n";
    return static_cast<int>(ExitCode::usage);
  }
  try {
    use_config_files(app, argc, argv);
    app.parse(argc, argv);
  } catch (const Error& e) {
    std::cerr << "bordermap: " << e.what() << '\n';
    return static_cast<int>(e.exit_code());
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string hint = hint_for(app, argc, argv);
    std::cerr << "bordermap: " << (hint.empty() ? std::string(e.what()) : hint)
              << "\nRun with --help for usage.\n";
    return static_cast<int>(ExitCode::usage);
  }
  try {
    for (auto& cmd : commands)
      if (app.got_subcommand(cmd->name())) {
        cmd->run();
        if (g.json) std::cout << cmd->result_json().dump(2) << '\n';
      }
    if (g.input_rejected > 0 && !g.allow_partial) {
      std::cerr << "bordermap: " << g.input_rejected
                << " input record(s) rejected (listed above; the rest was used) — exit 1; "
                   "give --allow-partial to exit 0 on partial success\n";
      return static_cast<int>(ExitCode::data_error);
    }
  } catch (const Error& e) {
    std::cerr << "bordermap: " << e.what() << '\n';
    return static_cast<int>(e.exit_code());
  } catch (const std::exception& e) {
    std::cerr << "bordermap: internal error: " << e.what() << '\n';
    return static_cast<int>(ExitCode::internal);
  }
  return 0;
}

}  // namespace bm::cli
