#pragma once
// GeoJSON text written directly, feature by feature, into one buffer: the
// streaming writer for the per-incident layers (incidents, links). It
// prints exactly what GDAL's GeoJSON driver prints for the same features
// (json-c's spacing and escaping, GDAL's number forms), so the files stay
// byte-identical to the OGR-written ones; a 1M-feature profile showed
// GDAL's per-feature json-c tree and OGRFeature copies as the cost.
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "io/json_string.hpp"

#include "core/model.hpp"

namespace bm {

// A real property as GDAL prints it: up to 17 significant digits, ".0" when whole.
void append_json_real(std::string& out, double v);
// A coordinate with `decimals` places, trailing zeros dropped but one.
void append_json_coord(std::string& out, double v, int decimals);
void append_json_integer(std::string& out, long long v);

class GeoJsonTextWriter {
 public:
  // Writes the FeatureCollection header to `path` (a staging path).
  GeoJsonTextWriter(const std::string& path, int decimals);
  ~GeoJsonTextWriter();
  GeoJsonTextWriter(const GeoJsonTextWriter&) = delete;
  GeoJsonTextWriter& operator=(const GeoJsonTextWriter&) = delete;

  void begin_feature(std::string_view id);
  void text(const char* name, std::string_view v);
  void integer(const char* name, long long v);
  void real(const char* name, double v);
  void boolean(const char* name, bool v);
  void null(const char* name);
  // `json` is already JSON text (json-c spacing).
  void raw(const char* name, std::string_view json);
  // Properties already written out as `"a": 1, "b": null` (json-c spacing):
  // a run that is the same for most features, appended at once.
  void properties(std::string_view formatted);
  // Ends the properties, writes the geometry and ends the feature.
  void point(LonLat p);
  void line(const std::vector<LonLat>& points);

  // Writes the footer, flushes and closes; throws ExportError naming
  // `target` on a failed write (no space left, ...). Returns the features.
  long finish(const std::string& target);

 private:
  void name(const char* n);
  void flush_if_full();
  std::string buf_;
  std::FILE* file_ = nullptr;
  std::string path_;
  int decimals_;
  long features_ = 0;
  bool first_property_ = true;
  int error_ = 0;
};

}  // namespace bm
