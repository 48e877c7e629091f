#pragma once
// How far a long step has come. Library code calls it at natural points
// (per input, per incident, per map); the command line decides how to show
// it (a bar on a terminal, JSON lines for scripts, or nothing).
#include <cstddef>
#include <functional>
#include <string_view>

namespace bm {

using ProgressFn = std::function<void(std::string_view stage, std::size_t done, std::size_t total)>;

inline void report_progress(const ProgressFn& fn, std::string_view stage, std::size_t done,
                            std::size_t total) {
  if (fn) fn(stage, done, total);
}

}  // namespace bm
