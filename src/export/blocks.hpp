#pragma once
// A linked table already in memory (`report`) written through the streaming
// writers of `export`, block by block: no per-row index beside the table
// (the whole-table writers paired links by id in a map of every row), and
// the same code path, hence the same files, as `export`.
#include <string>
#include <vector>

#include "export/layers.hpp"

namespace bm {

// Rows per block, as `export` reads them.
inline constexpr std::size_t kBlockRows = 16384;

// Whether links[k] is the link of the k-th located incident, as the chain
// makes them: the streaming writers pair them by position.
bool links_in_order(const ExportData& data);

// export_to(path, data, options), in blocks when the format streams (GeoJSON,
// GeoPackage) and the links are in order; the user's column types come
// from every row, as the whole-table writers type them. Returns the paths.
std::vector<std::string> export_in_blocks(const std::string& path, const ExportData& data,
                                          const ExportOptions& options = {});

}  // namespace bm
