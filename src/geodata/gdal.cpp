#include "geodata/gdal.hpp"

#include <sys/statvfs.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <mutex>

#include "core/error.hpp"
#include "io/atomic.hpp"
#include "io/policy.hpp"

namespace bm::gdal {
namespace {

Ring read_ring(const OGRLinearRing* r) {
  Ring out;
  out.reserve(static_cast<std::size_t>(r->getNumPoints()));
  for (int i = 0; i < r->getNumPoints(); ++i) out.push_back({r->getX(i), r->getY(i)});
  return out;
}

Polygon read_polygon(const OGRPolygon* p) {
  Polygon out;
  if (p->getExteriorRing()) out.rings.push_back(read_ring(p->getExteriorRing()));
  for (int i = 0; i < p->getNumInteriorRings(); ++i)
    out.rings.push_back(read_ring(p->getInteriorRing(i)));
  return out;
}

}  // namespace

void init() {
  static std::once_flag once;
  std::call_once(once, [] {
    GDALAllRegister();
    // Errors reach the user through our exceptions, with context.
    CPLSetErrorHandler(CPLQuietErrorHandler);
  });
}

namespace {

// The vector formats users' data comes in ("PostgreSQL" is PG:). Not the
// VRT driver: a VRT document can read any local file or URL into the output.
const char* const kAllowedDrivers[] = {
    "GeoJSON",        "GeoJSONSeq",  "ESRIJSON", "TopoJSON", "GPKG", "SQLite",
    "ESRI Shapefile", "FlatGeobuf",  "KML",      "LIBKML",   "GML",  "GPX",
    "MapInfo File",   "OpenFileGDB", "CSV",      "XLSX",     "ODS",  "PostgreSQL",
    "Parquet",        "Arrow",       nullptr};

bool looks_remote(const std::string& path) {
  if (path.rfind("/vsimem/bordermap-", 0) == 0) return false;  // our own in-memory copies
  return path.rfind("/vsi", 0) == 0 || path.find("://") != std::string::npos;
}

}  // namespace

GDALDatasetUniquePtr open_vector(const std::string& path) {
  init();
  const bool trusted = io::read_policy().allow_vrt;
  if (!trusted && looks_remote(path))
    throw InputError(path +
                     ": network, archive and virtual paths are not opened — download "
                     "the file first, or give --allow-vrt if you trust it");
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                            trusted ? nullptr : kAllowedDrivers));
  if (!ds) {
    std::string why = CPLGetLastErrorMsg();
    throw InputError(path + ": cannot open as vector data" + (why.empty() ? "" : " (" + why + ")"));
  }
  return ds;
}

// Whether the filesystem holding `target` is (nearly) full: with its journal
// off SQLite may report a full disk as a later, unrelated error.
static bool disk_full(const std::string& target) {
  struct statvfs fs {};
  std::filesystem::path dir = std::filesystem::path(target).parent_path();
  if (dir.empty()) dir = ".";
  if (::statvfs(dir.c_str(), &fs) != 0) return false;
  return static_cast<double>(fs.f_bavail) * static_cast<double>(fs.f_frsize) < 64 * 1024;
}

void throw_write_failed(const std::string& target, const std::string& what) {
  if (disk_full(target)) throw_write_error(target, ENOSPC);
  const std::string why = CPLGetLastErrorMsg();
  if (what.find("disk is full") != std::string::npos) throw_write_error(target, ENOSPC);
  if (why.find("full") != std::string::npos || why.find("No space") != std::string::npos)
    throw_write_error(target, ENOSPC);
  throw ExportError(target + ": " + what + (why.empty() ? "" : " (" + why + ")"));
}

void close_written(GDALDatasetUniquePtr& ds, const std::string& written, const std::string& target,
                   long features) {
  CPLErrorReset();
  ds.reset();
  bool ok = CPLGetLastErrorType() < CE_Failure;
  if (ok && features >= 0) {
    GDALDatasetUniquePtr back(
        GDALDataset::Open(written.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    ok = back && back->GetLayerCount() > 0 && back->GetLayer(0)->GetFeatureCount(TRUE) == features;
  }
  if (!ok)
    throw ExportError(target +
                      ": the file GDAL wrote is incomplete (no space left on the device?) — "
                      "free some space and run again (the previous file, if any, is unchanged)");
}

OGRLayer& layer(GDALDataset& ds, const std::string& name, const std::string& path) {
  OGRLayer* l = ds.GetLayerByName(name.c_str());
  if (!l)
    throw InputError(path + ": has no layer '" + name + "' — rebuild it with geodata/build.sh");
  return *l;
}

MultiPolygon to_multipolygon(const OGRGeometry* g) {
  MultiPolygon out;
  if (!g) return out;
  switch (wkbFlatten(g->getGeometryType())) {
    case wkbPolygon:
      out.push_back(read_polygon(g->toPolygon()));
      break;
    case wkbMultiPolygon:
      for (const OGRPolygon* p : *g->toMultiPolygon()) out.push_back(read_polygon(p));
      break;
    default:
      break;
  }
  return out;
}

std::vector<Line> to_lines(const OGRGeometry* g) {
  std::vector<Line> out;
  if (!g) return out;
  auto read = [](const OGRLineString* ls) {
    Line line;
    for (int i = 0; i < ls->getNumPoints(); ++i) line.push_back({ls->getX(i), ls->getY(i)});
    return line;
  };
  switch (wkbFlatten(g->getGeometryType())) {
    case wkbLineString:
      out.push_back(read(g->toLineString()));
      break;
    case wkbMultiLineString:
      for (const OGRLineString* ls : *g->toMultiLineString()) out.push_back(read(ls));
      break;
    default:
      break;
  }
  return out;
}

std::string field_string(const OGRFeature& f, const char* name) {
  int i = f.GetFieldIndex(name);
  if (i < 0 || !f.IsFieldSetAndNotNull(i)) return {};
  // GDAL prints a date field as 2020/01/01; our dates are ISO, compared as
  // text (a status period's valid_from read from PostGIS or a GPKG date).
  if (f.GetFieldDefnRef(i)->GetType() == OFTDate) {
    int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
    float ss = 0;
    f.GetFieldAsDateTime(i, &y, &m, &d, &hh, &mm, &ss, &tz);
    char iso[16];
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
    return iso;
  }
  return f.GetFieldAsString(i);
}

BorderSegment border_segment(const OGRFeature& f) {
  BorderSegment s;
  s.id = field_string(f, "segment_id");
  s.name = field_string(f, "name");
  s.country_a = field_string(f, "country_a");
  s.country_b = field_string(f, "country_b");
  s.status = segment_status_from(field_string(f, "status"));
  s.valid_from = field_string(f, "valid_from");
  s.valid_to = field_string(f, "valid_to");
  s.source = field_string(f, "source");
  s.lines = to_lines(f.GetGeometryRef());
  return s;
}

}  // namespace bm::gdal
