#include "run_binary.hpp"

#include <sys/wait.h>

#include <cstdlib>

#include "support.hpp"

namespace bm::test {

Run bordermap(const std::string& args, const std::filesystem::path& dir) {
  const std::filesystem::path out = dir / "stdout.txt", err = dir / "stderr.txt";
  const std::string cmd =
      std::string(BORDERMAP_BINARY) + " " + args + " >" + out.string() + " 2>" + err.string();
  const int status = std::system(cmd.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
}

std::string bad_input(const std::string& name) { return data("bad_inputs/" + name); }

}  // namespace bm::test
