#pragma once
// Options every subcommand shares: verbosity, the --json summary, and the
// filters (dates, border, bbox, status date) that each step applies alike.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "core/filter.hpp"
#include "core/progress.hpp"

namespace bm::cli {

struct GlobalOptions {
  bool quiet = false;
  bool verbose = false;
  bool json = false;               // print a machine-readable summary on stdout
  std::string progress = "auto";   // auto (a bar on a terminal), bar, json, none
  bool allow_partial = false;      // exit 0 although some input records were rejected
  std::size_t input_rejected = 0;  // malformed records noted so far (note_rejections)
};

// Adds --max-line, --encoding, --allow-vrt and --allow-partial (docs/errors.md).
void add_input_safety_options(CLI::App& app, GlobalOptions& g);

GlobalOptions& global();

// Human-readable progress and notes go to stderr (never stdout, which may
// carry data in a pipe); --quiet silences them, errors are never silenced.
void note(const std::string& message);
void detail(const std::string& message);  // only with --verbose
// One note per record a step could not use: "<what>: file:line: record: reason".
void note_rejections(const std::vector<Rejection>& rejected, const std::string& what);

// Shows library progress on stderr as --progress says: a one-line bar
// (auto: only when stderr is a terminal and not --quiet), JSON lines
// {"stage","done","total"} for scripts, or nothing.
ProgressFn make_progress();

// Notes an input file of this run, which no output may then replace.
void note_input(const std::string& path);

// The incident tables a step reads: positional or --incidents, "-" = stdin.
void add_input_option(CLI::App& app, std::vector<std::string>& inputs);

// Adds --from/--to/--border/--bbox/--as-of to a subcommand.
void add_filter_options(CLI::App& app, IncidentFilter& filter);

}  // namespace bm::cli
