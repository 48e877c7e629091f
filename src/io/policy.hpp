#pragma once
// How inputs are read, as the global options set it (main sets it once
// from --max-line, --encoding, --allow-vrt and --no-country-check before
// any command runs).
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace bm::io {

struct ReadPolicy {
  // A record (line, or quoted multi-line record) longer than this is rejected
  // with file:line and skipped; memory stays bounded by a few times this.
  std::size_t max_line = 8u << 20;
  // An article (extract) longer than this is refused with its size: the
  // extractor's time and memory grow with the article (about 0.2 s a MB,
  // read in sections of 1 MiB, in 2026-12), and a news article is far below it.
  std::size_t max_article = 16u << 20;
  // Encoding of text inputs without a BOM; "" = UTF-8 (anything else is
  // rejected per row). With a BOM, UTF-8 and UTF-16 are detected.
  std::string encoding;
  // GDAL's VRT driver and network paths (/vsicurl/ ...) stay off unless set.
  bool allow_vrt = false;
  // Every step that reads an incident table checks that each given point
  // lies in the country its row states (warning "lat/lon swapped?" when the
  // exchanged point does); --no-country-check turns it off.
  bool country_check = true;
  // Where readers send warnings about rows they keep ("file:line: ...");
  // empty: stderr. The CLI points it at its notes (silenced by --quiet).
  std::function<void(const std::string&)> warn;
  // The files this run reads (the CLI notes each input it is given): an
  // output that is one of them is refused, since writing it would replace
  // what the user gave before it is read (or with something else).
  std::vector<std::string> inputs;
};

// Sends a reader's warning where read_policy().warn says.
void warn(const std::string& message);

ReadPolicy& read_policy();

}  // namespace bm::io
