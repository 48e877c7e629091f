#pragma once
// `export` of a big table in bounded memory: read → filter → resolve → link
// → write, one block of rows at a time, the incidents layer written while
// the input is still being read (see export/stream.hpp). Same rules and
// same output as run_chain + export_to on the same input.
#include <cstdint>
#include <string>
#include <vector>

#include "export/layers.hpp"
#include "pipeline/chain.hpp"

namespace bm {

struct StreamedExport {
  std::size_t incidents_read = 0;  // records read, kept or rejected
  std::size_t incidents = 0;       // kept after the filters
  std::size_t links = 0;
  std::vector<Rejection> rejected;
  std::vector<std::string> written;
};

// Rows per block: bounds memory to a block's incidents and links. Under the
// linker's grid threshold (20k points, link/linker.cpp) on purpose: a grid
// rebuilt per block cost 15 % of a 1M export, more than exact lookups.
// Freed blocks stay in the heap for the next one (mallopt in the .cpp).
constexpr std::size_t kExportBlockRows = 16384;

// Without --border, tables smaller than this take the whole-table path:
// it links against the borders near the whole table, the stream against
// those near the blocks read so far (the extent is known only at the end),
// and the nearest point on a segment can then differ in its last digits
// (same segments, same distances; docs/export-streaming.md). Small tables
// keep the reference output; big ones get memory that does not grow.
constexpr std::uintmax_t kStreamWorldBytes = 32u << 20;

// Whether stream_export applies: file inputs (one or several; not a
// database, whose rows are digested whole, nor stdin), and a format and
// layers that stream; with --border, or without one for inputs of at least
// kStreamWorldBytes (the border shown chosen at the end as run_chain does).
bool can_stream_export(const ChainOptions& o, const std::string& out, const ExportOptions& options);

// Returns false, having committed nothing, when a block after the first
// brings a user column (or a value type) the first block did not have, or
// when without --border nothing could be linked: the caller then runs the
// whole-table export, so no column or value is lost and errors read alike.
bool stream_export(const ChainOptions& o, const std::string& out, const ExportOptions& options,
                   StreamedExport& result);

}  // namespace bm
