#pragma once
// The label requests of a map, for place_labels.
#include <vector>

#include "render/labels.hpp"
#include "render/layers.hpp"
#include "render/map.hpp"

namespace bm {

constexpr int kIncidentPriority = 100;  // incident labels go first

// Incidents at the same spot share one label listing their numbers.
std::vector<LabelRequest> incident_labels(const Canvas& c, const MapData& data);
// Enclave names (from MapData::enclave_places), inside the enclave or beside it.
std::vector<LabelRequest> enclave_labels(const Canvas& c, const MapData& data);
// Region (admin-1) and country names, centred in the visible part of each:
// the anchors of each (the costly part: maps with one base share them),
// then the requests at those anchors.
std::vector<std::vector<XY>> area_label_anchors(const Canvas& c, const MapData& data);
std::vector<LabelRequest> area_labels(const Canvas& c, const MapData& data,
                                      const std::vector<std::vector<XY>>& anchors);

// A label point for the visible part of an area: the grid points of the
// frame inside it, those where a label box of half-size `half` fits wholly
// inside first, then by nearness to their mean. Empty when too little shows.
// With `within`, only points inside that area too.
std::vector<XY> visible_centre(const Canvas& c, const MultiPolygon& area, XY half,
                               const MultiPolygon* within = nullptr);
// Half the width and height of a label's box, with its halo.
XY half_size(const Canvas& c, const std::string& text, double size);

}  // namespace bm
