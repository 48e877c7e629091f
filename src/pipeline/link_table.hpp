#pragma once
// The chain's streaming mode, for `bordermap link`: read incidents
// (bordermap's CSV or any id,lon,lat table), resolve places, link them to
// border segments on every core, and write the link table while linking,
// plus the per-segment summary. Same status rule as run_chain (chain.hpp).
#include <functional>
#include <string>
#include <vector>

#include "core/model.hpp"

namespace bm {

struct LinkRunOptions {
  std::string input;
  std::string out = "-";       // "-": stdout
  std::string segments_file;   // empty: the bundled segments of `border`
  std::string border;          // "KG-TJ"; empty: every bundled segment
  std::string within = "5km";  // the zone flagged as within_zone
  std::string as_of;           // status date for every incident; empty: each one's own
  std::string summary;         // per-segment CSV; empty: none
  unsigned threads = 0;        // 0: every core
  // Told how long each step took (read, set-up, link, write); may be empty.
  std::function<void(const std::string&)> timing;
};

struct LinkRunResult {
  std::size_t read = 0;
  std::size_t linked = 0;
  std::vector<Rejection> rejected;
};

// "5km", "500m", "2.5 km", "5000" (metres) -> metres; throws UsageError.
double parse_distance_m(const std::string& text);

LinkRunResult run_link(const LinkRunOptions& options);

}  // namespace bm
