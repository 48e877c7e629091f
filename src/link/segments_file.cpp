#include "link/segments_file.hpp"

#include "core/error.hpp"
#include "geodata/gdal.hpp"

namespace bm {
namespace {

std::string first_field(const OGRFeature& f, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (f.GetFieldIndex(n) >= 0) return gdal::field_string(f, n);
  return {};
}

}  // namespace

SegmentFile read_segments_file(const std::string& path) {
  auto ds = gdal::open_vector(path);
  if (ds->GetLayerCount() < 1) throw InputError(path + ": no layers — expected line features");
  OGRLayer* layer = ds->GetLayer(0);
  SegmentFile out;
  bool has_status = layer->GetLayerDefn()->GetFieldIndex("status") >= 0;
  for (auto& f : *layer) {
    BorderSegment s;
    s.id = first_field(*f, {"segment_id", "id"});
    if (s.id.empty()) s.id = std::to_string(f->GetFID());
    s.name = first_field(*f, {"name"});
    const std::string status = first_field(*f, {"status"});
    s.status = segment_status_from(status);
    if (has_status && !status.empty() && s.status == SegmentStatus::unknown &&
        status != "unknown" && status != "not recorded")
      out.rejected.push_back({path, 0, "feature " + std::to_string(f->GetFID()) + " (" + s.id + ")",
                              "status '" + status +
                                  "' is not one of disputed, undemarcated, delimited, unknown — "
                                  "kept as unknown"});
    s.valid_from = first_field(*f, {"valid_from"});
    s.valid_to = first_field(*f, {"valid_to"});
    s.country_a = first_field(*f, {"country_a"});
    s.country_b = first_field(*f, {"country_b"});
    s.source = path;
    s.lines = gdal::to_lines(f->GetGeometryRef());
    std::erase_if(s.lines, [](const Line& l) { return l.empty(); });
    if (s.lines.empty()) {
      out.rejected.push_back({path, 0, "feature " + std::to_string(f->GetFID()) + " (" + s.id + ")",
                              "no line geometry — feature skipped", true});
      continue;
    }
    out.segments.push_back(std::move(s));
  }
  if (out.segments.empty())
    throw InputError(path + ": no line features — expected LineString/MultiLineString segments");
  return out;
}

}  // namespace bm
