#include "ingest/safe_open.hpp"

#include "core/error.hpp"
#include "geodata/gdal.hpp"
#include "io/policy.hpp"

namespace bm::ingest {
namespace {

bool is_vrt_document(const std::string& head) {
  return head.find("<OGRVRTDataSource") != std::string::npos ||
         head.find("<VRTDataset") != std::string::npos ||
         head.find("<OGRVRTLayer") != std::string::npos;
}

}  // namespace

GDALDatasetUniquePtr open_user_vector(const std::string& path, const std::string& name,
                                      const std::string& head) {
  if (!io::read_policy().allow_vrt && is_vrt_document(head))
    throw InputError(name +
                     ": is a GDAL VRT document, which can read other files and URLs — "
                     "not opened; give --allow-vrt if you trust it");
  GDALDatasetUniquePtr ds;
  try {
    ds = gdal::open_vector(path);
  } catch (const InputError& e) {
    if (head.rfind("PK\x03\x04", 0) == 0)
      throw InputError(name +
                       ": is a zip archive that GDAL cannot open (not a zipped shapefile named "
                       "NAME.shp.zip, nor a readable .xlsx/.ods) — unzip it and give the file "
                       "inside");
    if (head.rfind("\x1f\x8b", 0) == 0)
      throw InputError(name + ": is gzip-compressed — gunzip it and give the file inside");
    std::string why = e.what();
    why = why.rfind(path, 0) == 0 ? why.substr(path.size()) : ": " + why;
    throw InputError(name + why + " — check the path or connection string, or give --format");
  }
  return ds;
}

}  // namespace bm::ingest
