#pragma once
// manifest.json: what a report was made from and what it contains, so the
// bundle describes itself (inputs with checksums, options, data and
// software versions, counts, every file written with its checksum).
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace bm {

struct ReportOptions;
struct ReportResult;

nlohmann::json make_manifest(const ReportOptions& options, const ReportResult& result,
                             const std::vector<std::string>& inputs,
                             const std::string& bundle_path);

// Writes the manifest atomically into `path`.
void write_manifest(const std::string& path, const nlohmann::json& manifest);

}  // namespace bm
