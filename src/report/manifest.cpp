#include "report/manifest.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/checksum.hpp"
#include "core/error.hpp"
#include "db/pg_connection.hpp"
#include "geodata/bundle_info.hpp"
#include "io/atomic.hpp"
#include "pipeline/chain.hpp"
#include "report/report.hpp"

namespace bm {
namespace {

nlohmann::json file_entry(const std::string& path, FileChecksums& sums) {
  if (path == "-") return {{"path", "-"}, {"stdin", true}};  // nothing left to checksum
  return {
      {"path", path}, {"bytes", std::filesystem::file_size(path)}, {"sha256", sums.sha256(path)}};
}

nlohmann::json db_entry(const std::string& input, const RowsDigest* digest) {
  db::PgConnection c = db::parse_pg(input);
  nlohmann::json e = {{"connection", c.redacted()},
                      {"host", c.host()},
                      {"port", c.port()},
                      {"database", c.database()}};
  if (!c.get("tables").empty()) e["tables"] = c.get("tables");
  if (!c.get("schemas").empty()) e["schemas"] = c.get("schemas");
  if (digest) {
    e["rows"] = digest->rows;
    e["rows_sha256"] = digest->sha256;
  }
  return e;
}

}  // namespace

nlohmann::json make_manifest(const ReportOptions& o, const ReportResult& r,
                             const std::vector<std::string>& inputs, const std::string& bundle_path,
                             const std::map<std::string, RowsDigest>& digests,
                             FileChecksums* checksums) {
  FileChecksums own;
  FileChecksums& sums = checksums ? *checksums : own;
  nlohmann::json m;
  m["software"] = {{"name", "bordermap"}, {"version", BORDERMAP_VERSION}};
  m["inputs"] = nlohmann::json::array();
  for (const auto& in : inputs) {
    auto d = digests.find(in);
    m["inputs"].push_back(db::is_pg(in) ? db_entry(in, d == digests.end() ? nullptr : &d->second)
                                        : file_entry(in, sums));
  }
  m["options"] = {{"style", o.style},
                  {"title", o.title},
                  {"formats", o.formats},
                  {"from", o.filter.from},
                  {"to", o.filter.to},
                  {"border", o.filter.border},
                  {"bbox", o.filter.bbox},
                  {"as_of", o.filter.as_of},
                  {"attribution", o.attribution},
                  {"by", o.by}};
  nlohmann::json data = describe_bundle(bundle_path);
  data["sha256"] = sums.sha256(bundle_path);
  m["data"] = data;
  m["border"] = r.border;
  m["as_of"] = r.as_of;
  std::size_t filtered = 0;
  for (const auto& rej : r.rejected)
    if (rej.filtered) ++filtered;
  m["counts"] = {{"incidents_read", r.incidents_read},
                 {"incidents_mapped", r.incidents_mapped},
                 {"filtered_out", filtered},
                 {"not_used", r.rejected.size() - filtered}};
  m["outputs"] = nlohmann::json::array();
  for (const auto& w : r.written) {
    if (db::is_pg(w)) {  // "PG:… table incidents", already without the password
      m["outputs"].push_back({{"database_table", w}});
      continue;
    }
    nlohmann::json e = file_entry(w, sums);
    // Relative to the bundle (by-day/ maps keep their folder).
    e["path"] = std::filesystem::path(w).lexically_relative(o.out_dir).generic_string();
    m["outputs"].push_back(e);
  }
  return m;
}

void write_manifest(const std::string& path, const nlohmann::json& manifest) {
  write_file(path, [&](std::ostream& out) { out << manifest.dump(2) << '\n'; });
}

}  // namespace bm
