#include "ingest/duplicate_ids.hpp"

#include <functional>

namespace bm::ingest {

void DuplicateIds::grow() {
  std::vector<std::pair<std::size_t, long>> old(slots_.empty() ? 1024 : slots_.size() * 2);
  old.swap(slots_);
  used_ = 0;
  for (const auto& [hash, line] : old)
    if (hash) first_line(hash, line);
}

long DuplicateIds::first_line(std::size_t hash, long line) {
  if (2 * (used_ + 1) > slots_.size()) grow();  // at most half full: short probes
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t k = hash & mask;; k = (k + 1) & mask) {
    if (slots_[k].first == hash) return slots_[k].second;
    if (slots_[k].first == 0) {
      slots_[k] = {hash, line};
      ++used_;
      return 0;
    }
  }
}

void DuplicateIds::reject_repeats(IncidentTable& table) {
  // Compacts in place: rows are moved only after the first repeat.
  std::size_t kept = 0;
  for (std::size_t k = 0; k < table.incidents.size(); ++k) {
    Incident& inc = table.incidents[k];
    std::size_t hash = std::hash<std::string>{}(inc.id);
    hash += hash == 0;  // 0 marks an empty slot
    const long first = first_line(hash, inc.line > 0 ? inc.line : -1);
    if (first == 0) {
      if (kept != k) table.incidents[kept] = std::move(inc);
      ++kept;
      continue;
    }
    const std::string where = first > 0 ? "line " + std::to_string(first) : "an earlier record";
    table.rejected.push_back({file_, inc.line, inc.id,
                              "the id '" + inc.id + "' is already used at " + where +
                                  " — give each incident its own id (this record is not used)",
                              true});
  }
  table.incidents.resize(kept);
}

}  // namespace bm::ingest
