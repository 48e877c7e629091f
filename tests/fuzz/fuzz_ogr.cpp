// libFuzzer target: the OGR ingest path (GeoJSON, KML, ... as GDAL detects
// them from the bytes), through our feature mapping.
#include <cpl_vsi.h>

#include <algorithm>
#include <cstdint>
#include <string>

#include "core/error.hpp"
#include "ingest/backends.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // An in-memory file: stdin is read as it arrives, and a fuzzer has none.
  const char* path = "/vsimem/fuzz_ogr_input";
  VSILFILE* f = VSIFileFromMemBuffer(path, const_cast<GByte*>(data), size, FALSE);
  if (!f) return 0;
  VSIFCloseL(f);
  bm::ingest::Input in;
  in.name = path;
  in.head.assign(reinterpret_cast<const char*>(data), std::min<std::size_t>(size, 64 * 1024));
  try {
    bm::ingest::read_ogr(in, bm::ingest::Options{});
  } catch (const bm::Error&) {
  }
  VSIUnlink(path);
  return 0;
}
