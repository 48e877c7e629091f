#include "ingest/duplicate_ids.hpp"

#include <functional>
#include <utility>

namespace bm::ingest {

void DuplicateIds::reject_repeats(IncidentTable& table) {
  std::vector<Incident> kept;
  kept.reserve(table.incidents.size());
  for (auto& inc : table.incidents) {
    auto [it, first] = first_line_.emplace(std::hash<std::string>{}(inc.id), inc.line);
    if (first) {
      kept.push_back(std::move(inc));
      continue;
    }
    const std::string where =
        it->second > 0 ? "line " + std::to_string(it->second) : "an earlier record";
    table.rejected.push_back({file_, inc.line, inc.id,
                              "the id '" + inc.id + "' is already used at " + where +
                                  " — give each incident its own id (this record is not used)",
                              true});
  }
  table.incidents = std::move(kept);
}

}  // namespace bm::ingest
