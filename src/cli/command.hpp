#pragma once
// One subcommand: setup() declares its options (never opens files), run()
// does the work (never parses). The registry in registry.cpp lists them all.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace bm::cli {

class Command {
 public:
  virtual ~Command() = default;
  virtual const char* name() const = 0;
  virtual const char* summary() const = 0;
  virtual const char* example() const = 0;
  virtual void setup(CLI::App& app) = 0;
  virtual void run() = 0;
  // What `--json` prints on stdout after a successful run (counts, paths).
  virtual nlohmann::json result_json() const { return nlohmann::json::object(); }
};

std::vector<std::unique_ptr<Command>> all_commands();

// Adds every command to `app` and returns them in registry order.
std::vector<std::unique_ptr<Command>> register_commands(CLI::App& app);

// Parses argv and runs the chosen command; returns the process exit code.
// Errors are printed to stderr as "bordermap: <message>".
int run_main(int argc, char** argv);

}  // namespace bm::cli
