#pragma once
// The links layer as GeoJSON text, one incident's link at a time: the same
// properties, order and values as the OGR links layer (LinksLayer) written
// through GeoJSON's ID_FIELD=id.
#include <map>
#include <string>

#include "export/geojson_text.hpp"

namespace bm {

class GeoJsonLinks {
 public:
  // `segments`/`as_of`: for each link's segment status (segments_by_id).
  GeoJsonLinks(const std::string& staged_path, const std::vector<BorderSegment>& segments,
               const std::string& as_of, int precision);
  // The link's features: nearest, and disputed when that is another segment.
  void write(const Link& link, const Incident& incident);
  long finish(const std::string& target) { return out_.finish(target); }

 private:
  void add(const Link& k, const Incident& i, const char* kind, const std::string& segment,
           double distance, LonLat to);
  GeoJsonTextWriter out_;
  std::map<std::string, const BorderSegment*> segment_of_;
  int precision_;
};

}  // namespace bm
