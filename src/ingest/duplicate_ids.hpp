#pragma once
// Two records of one input with the same id: the second is rejected (with
// the line of the first) rather than kept, because every table we write is
// keyed by the id (links, claims, the report's click targets) and two
// incidents behind one key would be joined to each other's links.
#include <cstddef>
#include <string>
#include <unordered_map>

#include "io/incidents_csv.hpp"

namespace bm::ingest {

class DuplicateIds {
 public:
  explicit DuplicateIds(std::string file) : file_(std::move(file)) {}
  // Moves every incident whose id an earlier one (in this or an earlier
  // block of the same input) used into `table.rejected`.
  void reject_repeats(IncidentTable& table);

 private:
  std::string file_;
  // id hash -> the first line: 16 bytes a record, not the id's text, so a
  // 10M-row stream stays bounded (a 64-bit clash is ~1e-6 at 10M ids).
  std::unordered_map<std::size_t, long> first_line_;
};

}  // namespace bm::ingest
