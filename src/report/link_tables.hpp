#pragma once
// The report bundle's link tables: links.csv (one row per located incident)
// and segments_summary.csv (the "hot segments": incidents and killed ranges
// per border segment).
#include <string>
#include <vector>

#include "core/model.hpp"

namespace bm {

void write_links_table(const std::string& path, const std::vector<Link>& links);
void write_segments_summary(const std::string& path, const std::vector<BorderSegment>& segments,
                            const std::vector<Incident>& incidents, const std::vector<Link>& links);

}  // namespace bm
