#include "ingest/duplicate_ids.hpp"

#include <functional>

namespace bm::ingest {

void DuplicateIds::grow() {
  const std::size_t size = hashes_.empty() ? 1024 : hashes_.size() * 2;
  std::vector<std::size_t> hashes(size, 0);
  std::vector<std::uint32_t> lines(size, 0);
  hashes.swap(hashes_);
  lines.swap(lines_);
  used_ = 0;
  for (std::size_t k = 0; k < hashes.size(); ++k)
    if (hashes[k]) first_line(hashes[k], lines[k]);
}

long DuplicateIds::first_line(std::size_t hash, long line) {
  if (4 * (used_ + 1) > 3 * hashes_.size()) grow();  // at most 3/4 full: short probes
  const std::size_t mask = hashes_.size() - 1;
  for (std::size_t k = hash & mask;; k = (k + 1) & mask) {
    if (hashes_[k] == hash) return lines_[k] ? static_cast<long>(lines_[k]) : -1;
    if (hashes_[k] == 0) {
      hashes_[k] = hash;
      lines_[k] = line > 0 && line <= UINT32_MAX ? static_cast<std::uint32_t>(line) : 0;
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
    hash += hash == 0;                              // 0 marks an empty slot
    const long first = first_line(hash, inc.line);  // 0: new; -1: seen, no line
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
