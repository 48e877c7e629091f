// libFuzzer target: the OGR ingest path (GeoJSON, KML, ... as GDAL detects
// them from stdin-like bytes), through our feature mapping.
#include <cstdint>
#include <string>

#include "core/error.hpp"
#include "ingest/backends.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  bm::ingest::Input in;
  in.name = "-";  // read as stdin: the bytes go to GDAL as an in-memory file
  in.data.assign(reinterpret_cast<const char*>(data), size);
  in.head = in.data.substr(0, 64 * 1024);
  try {
    bm::ingest::read_ogr(in, bm::ingest::Options{});
  } catch (const bm::Error&) {
  }
  return 0;
}
