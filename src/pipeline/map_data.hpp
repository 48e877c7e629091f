#pragma once
// What the report map draws, made from the linked data set: render receives
// this and knows nothing of the chain that made it.
#include <string>

#include "pipeline/chain.hpp"
#include "render/map.hpp"

namespace bm {

struct MapText {
  std::string title;        // empty: "<A>–<B> border: reported incidents"
  std::string attribution;  // extra credit line, e.g. the organisation's
};

// The map of `chain` (which must outlive it: incidents and links are pointed
// to). Each incident whose link, taken on its own date, finds its segment
// in another status than the border drawn gets a border_note saying so.
MapData report_map_data(const Chain& chain, const MapText& text);

// On a map of a small area (`bbox`, else the located incidents) the country
// fills follow the 10 m segment lines, so they agree with `link`; the 1:10m
// polygons move to the locator inset. Larger maps are left as they are.
void use_village_fills(MapData& map, const std::string& bundle_path, const Bounds& bbox);

// "border here delimited on 2026-01-10" when the status of `link`'s segment
// differs from the one drawn (as of `drawn_date`); empty otherwise.
std::string border_note(const Link& link, const Incident& incident,
                        const std::vector<BorderSegment>& segments, const std::string& drawn_date);

}  // namespace bm
