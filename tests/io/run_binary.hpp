#pragma once
// Runs the real bordermap binary as a user would, for the bad-input tests.
#include <filesystem>
#include <string>

namespace bm::test {

struct Run {
  int code = -1;  // the exit code; -1 when killed by a signal (a crash)
  std::string out;
  std::string err;
};

// `bordermap ARGS` through the shell, stdout and stderr kept in `dir`.
Run bordermap(const std::string& args, const std::filesystem::path& dir);

// A fixture under tests/data/bad_inputs/.
std::string bad_input(const std::string& name);

}  // namespace bm::test
