#pragma once
// User-supplied border segments: any vector file GDAL reads (GeoJSON, GPKG,
// Shapefile...) with line features and optional fields id|segment_id, name,
// status (disputed, undemarcated, delimited), valid_from, valid_to,
// country_a, country_b.
#include <string>
#include <vector>

#include "core/model.hpp"

namespace bm {

struct SegmentFile {
  std::vector<BorderSegment> segments;
  std::vector<Rejection> rejected;  // features without a line geometry
};

SegmentFile read_segments_file(const std::string& path);

}  // namespace bm
