#pragma once
// Two records of one input with the same id: the second is rejected (with
// the line of the first) rather than kept, because every table we write is
// keyed by the id (links, claims, the report's click targets) and two
// incidents behind one key would be joined to each other's links.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "io/incidents_csv.hpp"

namespace bm::ingest {

class DuplicateIds {
 public:
  explicit DuplicateIds(std::string file) : file_(std::move(file)) {}
  // Moves every incident whose id an earlier one (in this or an earlier
  // block of the same input) used into `table.rejected`.
  void reject_repeats(IncidentTable& table);

 private:
  // The first line of `hash`, adding `line` when the hash is new (0: new).
  long first_line(std::size_t hash, long line);
  void grow();

  std::string file_;
  // id hash -> the first line: 16 bytes a record, not the id's text, so a
  // 10M-row stream stays bounded (a 64-bit clash is ~1e-6 at 10M ids).
  // Open addressing in one array: a node per id (std::unordered_map) made
  // this check a tenth of the reading thread on 1M rows.
  std::vector<std::pair<std::size_t, long>> slots_;  // hash 0: empty
  std::size_t used_ = 0;
};

}  // namespace bm::ingest
