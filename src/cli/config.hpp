#pragma once
// Option defaults from TOML files: $XDG_CONFIG_HOME/bordermap/bordermap.toml
// (the user's), then ./bordermap.toml (the project's, which wins), or only
// the file named by --config. Sections are subcommands ([report]), keys are
// long option names; top-level keys set global options.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace bm::cli {

// The default files that exist, lowest priority first.
std::vector<std::string> default_config_files();

// Throws ConfigError "file:line: unknown key 'x' in [report] — did you mean
// 'y'?" for a key that no option of `app` (or of its subcommand) takes, and
// for TOML that does not parse, so a typo is never silently ignored.
void check_config_keys(const CLI::App& app, const std::string& file);

// The value of `--name VALUE` or `--name=VALUE` in argv before any "--", or
// "" — for the few options that must be known before commands are set up.
std::string early_option(int argc, char** argv, const std::string& name);

}  // namespace bm::cli
