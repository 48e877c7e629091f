#pragma once
// The OSM-derived land borders of the world (geodata/borders.gpkg, beside
// the bundle; see docs/borders.md): every segment's lines run with
// country_a on their left, so the side of the nearest one gives the
// country of a point near a border at village scale.
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "core/model.hpp"
#include "geodata/bundle.hpp"

namespace bm {

std::string borders_path(const Bundle& bundle);
bool has_world_borders(const Bundle& bundle);

// Segments meeting `filter` (all when empty) and matching the OGR SQL
// `where` (all when empty), from land_borders.
std::vector<BorderSegment> world_segments(const Bundle& bundle, const Bounds& filter,
                                          const std::string& where = "");

// How many segment rows land_borders holds in all.
std::size_t world_segment_count(const Bundle& bundle);

// The segments between two countries (either order).
std::vector<BorderSegment> world_segments_between(const Bundle& bundle, const std::string& a,
                                                  const std::string& b);

// The enclave rings in `filter`, as places of kind "enclave" at a point
// inside each ring; a ring no cited source names (docs/borders.md) is named
// "not recorded".
std::vector<Place> world_enclaves(const Bundle& bundle, const Bounds& filter);
// Those of them a cited source names: what the map labels.
std::vector<Place> world_enclave_names(const Bundle& bundle, const Bounds& filter);

}  // namespace bm
