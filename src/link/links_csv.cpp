#include "link/links_csv.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdio>
#include <future>
#include <memory>
#include <thread>

#include "core/error.hpp"
#include "export/atomic.hpp"
#include "ingest/csv.hpp"
#include "link/fixed_format.hpp"

namespace bm {
namespace {

void put(std::string& out, double v, int decimals) { append_fixed(out, v, decimals); }

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
  auto format = [&](std::size_t lo, std::size_t hi) {
    std::string buf;
    buf.reserve((hi - lo) * 96 + 256);
    for (std::size_t i = lo; i < hi; ++i) {
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
    return buf;
  };
  std::string header;
  for (std::size_t c = 0; c < kLinkColumns.size(); ++c) {
    if (c) header += ',';
    header += kLinkColumns[c];
  }
  header += '\n';

  // Rows are formatted in blocks on every core while this thread writes the
  // finished blocks in order, so formatting and writing overlap.
  const std::size_t blocks =
      std::max<std::size_t>(1, std::min<std::size_t>(32, links.size() / 4096));
  std::vector<std::promise<std::string>> done(blocks);
  std::vector<std::future<std::string>> ready;
  for (auto& d : done) ready.push_back(d.get_future());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t b; (b = next.fetch_add(1)) < blocks;) {
      try {
        done[b].set_value(format(links.size() * b / blocks, links.size() * (b + 1) / blocks));
      } catch (...) {
        done[b].set_exception(std::current_exception());
      }
    }
  };
  unsigned n =
      linker.options().threads ? linker.options().threads : std::thread::hardware_concurrency();
  n = std::max(1u, std::min<unsigned>(n, static_cast<unsigned>(blocks)));
  std::vector<std::jthread> pool;
  for (unsigned t = 0; t < n; ++t) pool.emplace_back(work);

  auto emit = [&](FILE* f, const std::string& where) {
    write_all(f, header, where);
    for (auto& r : ready) write_all(f, r.get(), where);
  };
  if (path == "-") {
    emit(stdout, "<stdout>");
    std::fflush(stdout);
    return;
  }
  std::string tmp = temp_path_for(path);
  {
    std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(tmp.c_str(), "wb"), &std::fclose);
    if (!f) throw ExportError(path + ": cannot create — check that the directory exists");
    emit(f.get(), path);
  }
  commit_file(tmp, path);
}

}  // namespace bm
