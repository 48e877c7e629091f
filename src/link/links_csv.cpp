#include "link/links_csv.hpp"

#include <charconv>
#include <cstdio>
#include <memory>

#include "core/error.hpp"
#include "export/atomic.hpp"
#include "ingest/csv.hpp"

namespace bm {
namespace {

void put(std::string& out, double v, int decimals) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  out.append(buf, r.ptr);
}

void put_text(std::string& out, const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos)
    out += s;
  else
    out += csv::quote(s);
}

void write_all(FILE* f, const std::string& data, const std::string& path) {
  if (std::fwrite(data.data(), 1, data.size(), f) != data.size())
    throw ExportError(path + ": cannot write — check the directory and free space");
}

}  // namespace

const std::vector<std::string> kLinkColumns = {"incident_id",
                                               "segment_id",
                                               "dist_m",
                                               "dist_max_m",
                                               "near_lon",
                                               "near_lat",
                                               "status",
                                               "disputed_segment_id",
                                               "disputed_dist_m",
                                               "country",
                                               "in_enclave",
                                               "within_zone",
                                               "bounding_segment_ids"};

void write_links_csv(const std::string& path, const Linker& linker,
                     const std::vector<std::string>& ids, const std::vector<PointLink>& links,
                     const std::vector<std::vector<std::string>>& bounding) {
  const auto& segs = linker.segments();
  const auto& countries = linker.countries();
  std::string buf;
  buf.reserve(links.size() * 96 + 256);
  for (std::size_t c = 0; c < kLinkColumns.size(); ++c) {
    if (c) buf += ',';
    buf += kLinkColumns[c];
  }
  buf += '\n';
  for (std::size_t i = 0; i < links.size(); ++i) {
    const PointLink& l = links[i];
    put_text(buf, ids[i]);
    buf += ',';
    if (l.segment >= 0) {
      const BorderSegment& s = segs[static_cast<std::size_t>(l.segment)];
      put_text(buf, s.id);
      buf += ',';
      put(buf, l.distance_m, 3);
      buf += ',';
      if (l.distance_max_m >= 0) put(buf, l.distance_max_m, 3);
      buf += ',';
      put(buf, l.nearest.lon, 7);
      buf += ',';
      put(buf, l.nearest.lat, 7);
      buf += ',';
      buf += to_string(s.status);
    } else {
      buf += ",,,,,";
    }
    buf += ',';
    if (l.disputed >= 0) {
      put_text(buf, segs[static_cast<std::size_t>(l.disputed)].id);
      buf += ',';
      put(buf, l.disputed_distance_m, 3);
    } else {
      buf += ',';
    }
    buf += ',';
    if (l.country >= 0) buf += countries[static_cast<std::size_t>(l.country)].iso2;
    buf += l.in_enclave ? ",1" : ",0";
    buf += l.within_zone ? ",1," : ",0,";
    if (i < bounding.size())
      for (std::size_t k = 0; k < bounding[i].size(); ++k) {
        if (k) buf += ';';
        put_text(buf, bounding[i][k]);
      }
    buf += '\n';
  }
  if (path == "-") {
    write_all(stdout, buf, "<stdout>");
    std::fflush(stdout);
    return;
  }
  std::string tmp = temp_path_for(path);
  {
    std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(tmp.c_str(), "wb"), &std::fclose);
    if (!f) throw ExportError(path + ": cannot create — check that the directory exists");
    write_all(f.get(), buf, path);
  }
  commit_file(tmp, path);
}

}  // namespace bm
