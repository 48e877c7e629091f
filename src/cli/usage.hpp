#pragma once
// The command line as data, read from the CLI11 apps the registry builds, so
// man pages and shell completion say exactly what --help says.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace bm::cli {

struct OptionDoc {
  std::vector<std::string> flags;  // "-q", "--quiet"; empty for a positional
  std::string positional;          // its name when it can be given bare
  std::string value;               // "TEXT", "INT", ... ; "" for a flag
  std::string help;
  std::string group;
};

// Options shown by --help (hidden ones left out), in declaration order.
std::vector<OptionDoc> documented_options(const CLI::App& app);
// Subcommands shown by --help.
std::vector<const CLI::App*> visible_subcommands(const CLI::App& app);

// `bordermap completion bash|zsh`; throws UsageError for another shell.
std::string completion_script(const CLI::App& root, const std::string& shell);
// bordermap.1 (root) or bordermap-<sub>.1, as roff.
std::string man_page(const CLI::App& root, const CLI::App* sub);

}  // namespace bm::cli
