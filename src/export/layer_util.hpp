#pragma once
// Helpers the OGR layer writers share (layers.cpp, incidents_layer.cpp).
#include <array>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "export/layers.hpp"
#include "export/user_fields.hpp"
#include "geodata/gdal.hpp"

namespace bm::layer_util {

void add_field(OGRLayer& l, const char* name, OGRFieldType type, OGRFieldSubType sub = OFSTNone);
std::string joined(const std::vector<std::string>& v);
void set_date(OGRFeature& f, const char* field, const std::string& iso);
// Creates options.table_prefix + `layer` in WGS84 lon/lat.
OGRLayer& create(GDALDataset& ds, const char* layer, OGRwkbGeometryType type, char** lco,
                 const ExportOptions& o);
// Writes `f` with explicit nulls for unset fields; throws ExportError naming `id`.
void insert(OGRLayer& l, OGRFeature& f, const std::string& id);

// A border segment's own fields (all but its id) and its lines, for the
// export's segments layer and the database bundle alike. `decimals` < 0
// keeps the coordinates as they are.
void add_segment_fields(OGRLayer& l);
void set_segment(OGRFeature& f, const BorderSegment& s, int decimals);

// The incidents layer written one incident at a time (streaming export).
struct Slots;
class IncidentsLayer {
 public:
  // Creates the layer with our fields and `user` after them.
  IncidentsLayer(GDALDataset& ds, std::vector<UserField> user, const ExportOptions& o, char** lco);
  ~IncidentsLayer();
  IncidentsLayer(const IncidentsLayer&) = delete;
  IncidentsLayer& operator=(const IncidentsLayer&) = delete;
  // A located incident with its link (nullptr: not linked).
  void write(const Incident& incident, const Link* link);
  long count() const { return count_; }

 private:
  OGRLayer& layer_;
  std::vector<UserField> user_;
  std::unique_ptr<Slots> slots_;
  std::unique_ptr<OGRFeature> feature_;
  int precision_;
  long count_ = 0;
};

// The links layer, one incident's link at a time.
class LinksLayer {
 public:
  // Uses d.segments and d.as_of for each link's segment status.
  LinksLayer(GDALDataset& ds, const ExportData& d, const ExportOptions& o, char** lco);
  // The link's features: nearest, and disputed when that is another segment.
  void write(const Link& link, const Incident& incident);
  long count() const { return count_; }

 private:
  void add(const Link& k, const Incident& i, const char* kind, const std::string& segment,
           double distance, LonLat to);
  OGRLayer& layer_;
  std::map<std::string, const BorderSegment*> segment_of_;
  std::array<int, 8> slot_{};
  int precision_;
  long count_ = 0;
};

long write_incidents(GDALDataset& ds, const ExportData& d, const ExportOptions& o, char** lco);

}  // namespace bm::layer_util
