#pragma once
// The link table as CSV: one row per incident. The first three columns are
// the benchmark contract (incident_id, segment_id, dist_m).
#include <string>
#include <vector>

#include "link/linker.hpp"

namespace bm {

extern const std::vector<std::string> kLinkColumns;

// Writes to `path` through a temporary file, or to stdout when path is "-".
// `bounding` is empty or one list of segment ids per link (region incidents).
void write_links_csv(const std::string& path, const Linker& linker,
                     const std::vector<std::string>& ids, const std::vector<PointLink>& links,
                     const std::vector<std::vector<std::string>>& bounding = {});

}  // namespace bm
