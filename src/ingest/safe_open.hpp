#pragma once
// Opening a user's vector source: gdal::open_vector (no VRT driver, no
// network paths unless --allow-vrt) plus a clear refusal of a VRT document
// whatever its file name (a VRT saved as .csv).
#include <gdal_priv.h>

#include <string>

namespace bm::ingest {

// `path` is what GDAL opens, `name` how messages call it, `head` its first
// bytes. Throws InputError with what to do.
GDALDatasetUniquePtr open_user_vector(const std::string& path, const std::string& name,
                                      const std::string& head);

}  // namespace bm::ingest
