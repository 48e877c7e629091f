// libFuzzer target: the config file (bordermap.toml) as the command line
// reads it: CLI11's TOML reader, then every option it names parsed and
// checked by the real subcommands' validators.
#include <CLI/CLI.hpp>

#include <cstdint>
#include <sstream>
#include <string>

#include "cli/command.hpp"
#include "core/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  CLI::App app{"fuzz"};
  app.allow_config_extras(CLI::config_extras_mode::error);
  auto commands = bm::cli::register_commands(app);
  try {
    app.parse_from_stream(in);
  } catch (const CLI::Error&) {
  } catch (const bm::Error&) {
  }
  return 0;
}
