#pragma once
// The incidents layer as GeoJSON text, one incident at a time: the same
// properties, order and values as the OGR incidents layer (layers.hpp)
// written through GeoJSON's ID_FIELD=id, without an OGRFeature per row.
#include <memory>
#include <string>
#include <vector>

#include "export/geojson_text.hpp"
#include "export/user_fields.hpp"

namespace bm {

class GeoJsonIncidents {
 public:
  // `user`: the user's columns with their types (decided before the first
  // row); a later value that does not fit its type is written as text.
  GeoJsonIncidents(const std::string& staged_path, std::vector<UserField> user, int precision);
  // Writes a located incident with its link (nullptr: not linked).
  void write(const Incident& incident, const Link* link);
  long finish(const std::string& target) { return out_.finish(target); }

 private:
  void ours(const Incident& i);
  void summary(const Incident& i, const std::vector<std::pair<std::string, std::string>>& names);
  void linked(const Link* k);
  void users(const Incident& i);
  GeoJsonTextWriter out_;
  std::vector<UserField> user_;
  int precision_;
};

// The claims as GDAL prints an OFSTJSON field: json-c's spaced form, keys
// sorted as claims_to_json writes them.
void append_claims_json(std::string& out, const std::vector<Claim>& claims);

}  // namespace bm
