#include <iostream>

#include "cli/command.hpp"
#include "core/error.hpp"

namespace bm::cli {
namespace {

const char* const kExitCodes =
    "Exit codes: 0 ok, 1 data error (bad or unusable input, with file:line), "
    "2 usage error, 3 internal error.";

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

int run_main(int argc, char** argv) {
  CLI::App app{"bordermap — maps and GIS data from reports of border incidents"};
  app.set_version_flag("--version", BORDERMAP_VERSION);
  app.require_subcommand(1);
  app.footer(std::string("Run `bordermap COMMAND --help` for a command's options.\n") + kExitCodes);
  auto commands = register_commands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "bordermap: " << e.what() << "\nRun with --help for usage.\n";
    return static_cast<int>(ExitCode::usage);
  }
  try {
    for (auto& cmd : commands)
      if (app.got_subcommand(cmd->name())) cmd->run();
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
