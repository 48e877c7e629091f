#pragma once
// The incidents table of a GeoPackage filled through SQLite directly, with
// one prepared INSERT, instead of an OGRFeature per row through GDAL (the
// writer thread's main cost in a 1M-row export). GDAL creates the table,
// its fields and metadata rows first and closes the file; these rows then
// hold exactly what GDAL 3.6 would store (same SQLite types, the GeoPackage
// geometry blob GDAL writes for a point: "GP" header without envelope, then
// little-endian WKB), and `finish` sets what GDAL sets when it closes a
// layer: the extent and last_change in gpkg_contents, the feature count in
// gpkg_ogr_contents (its triggers are lifted during the inserts).
#include <memory>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "export/layers.hpp"
#include "export/user_fields.hpp"

namespace bm {

class GpkgIncidentRows {
 public:
  // `staged`: the GeoPackage GDAL created and closed, holding the empty
  // table `table` with our fields (incident_field_names), incident_id when
  // `o.id_property`, then `user`. Errors name `target`.
  GpkgIncidentRows(const std::string& staged, const std::string& target, const std::string& table,
                   std::vector<UserField> user, const ExportOptions& o);
  ~GpkgIncidentRows();
  GpkgIncidentRows(const GpkgIncidentRows&) = delete;
  GpkgIncidentRows& operator=(const GpkgIncidentRows&) = delete;

  // A located incident with its link (nullptr: not linked).
  void write(const Incident& incident, const Link* link);
  // Commits what was written so far (once per block).
  void commit();
  // Commits, writes the extent and count, restores the triggers, closes.
  void finish();
  long count() const;

 private:
  struct State;
  std::unique_ptr<State> s_;
};

// The geometry blob GDAL writes for a point in a GeoPackage (srs 4326).
std::string gpkg_point_blob(double lon, double lat);

}  // namespace bm
