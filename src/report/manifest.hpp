#pragma once
// manifest.json: what a report was made from and what it contains, so the
// bundle describes itself (inputs with checksums, options, data and
// software versions, counts, every file written with its checksum).
#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace bm {

struct ReportOptions;
struct ReportResult;
struct RowsDigest;    // pipeline/chain.hpp
class FileChecksums;  // core/checksum.hpp

// A database input is recorded by its connection without the password, its
// table, the rows read and a checksum of them (`digests`, by input).
// `checksums`, when given, remembers each file's sum for the next manifest.
nlohmann::json make_manifest(const ReportOptions& options, const ReportResult& result,
                             const std::vector<std::string>& inputs, const std::string& bundle_path,
                             const std::map<std::string, RowsDigest>& digests = {},
                             FileChecksums* checksums = nullptr);

// Writes the manifest atomically into `path`.
void write_manifest(const std::string& path, const nlohmann::json& manifest);

}  // namespace bm
