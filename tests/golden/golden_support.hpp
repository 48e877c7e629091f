#pragma once
// Goldens as data: run the CLI as a user does, normalise what changes from
// run to run or checkout to checkout, and compare with files under
// tests/data/golden/. BORDERMAP_UPDATE_GOLDEN=1 rewrites the goldens (look
// at `git diff` before committing them).
#include <string>

namespace bm::test {

bool updating_goldens();

// Runs `bordermap ARGS` with stdout/stderr to files in the scratch dir;
// returns the exit code.
int run_cli(const std::string& args, const std::string& log_path);

// The first differing line of two texts with its number and both sides, and
// how many lines differ; empty when equal.
std::string text_diff(const std::string& want, const std::string& got);

}  // namespace bm::test
