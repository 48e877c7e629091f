#pragma once
// How inputs are read, as the global options set it (main sets it once
// from --max-line, --encoding and --allow-vrt before any command runs).
#include <cstddef>
#include <string>

namespace bm::io {

struct ReadPolicy {
  // A record (line, or quoted multi-line record) longer than this is rejected
  // with file:line and skipped; memory stays bounded by a few times this.
  std::size_t max_line = 8u << 20;
  // Encoding of text inputs without a BOM; "" = UTF-8 (anything else is
  // rejected per row). With a BOM, UTF-8 and UTF-16 are detected.
  std::string encoding;
  // GDAL's VRT driver and network paths (/vsicurl/ ...) stay off unless set.
  bool allow_vrt = false;
};

ReadPolicy& read_policy();

}  // namespace bm::io
