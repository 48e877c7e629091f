#include "link/links_csv.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

#include "core/error.hpp"
#include "io/atomic.hpp"
#include "io/csv.hpp"
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
    throw_write_error(path, errno ? errno : EIO);
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

namespace {

// Rows [lo, lo + links.size()) of the link table: links[k] is row lo + k.
std::string format_rows(const Linker& linker, const std::vector<std::string>& ids,
                        std::span<const PointLink> links,
                        const std::vector<std::vector<std::string>>& bounding, std::size_t lo) {
  const std::size_t hi = lo + links.size();
  const auto& segs = linker.segments();
  const auto& countries = linker.countries();
  std::string buf;
  buf.reserve((hi - lo) * 96 + 256);
  for (std::size_t i = lo; i < hi; ++i) {
    const PointLink& l = links[i - lo];
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
}

std::string header_row() {
  std::string header;
  for (std::size_t c = 0; c < kLinkColumns.size(); ++c) {
    if (c) header += ',';
    header += kLinkColumns[c];
  }
  header += '\n';
  return header;
}

}  // namespace

void write_links_csv(const std::string& path, const Linker& linker,
                     const std::vector<std::string>& ids, const std::vector<PointLink>& links,
                     const std::vector<std::vector<std::string>>& bounding) {
  auto format = [&](std::size_t lo, std::size_t hi) {
    return format_rows(linker, ids, std::span<const PointLink>(links).subspan(lo, hi - lo),
                       bounding, lo);
  };
  const std::string header = header_row();

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
    if (std::fclose(f.release()) != 0) throw_write_error(path, errno ? errno : EIO);
  }
  commit_file(tmp, path);
}

struct LinksCsvStream::Impl {
  const Linker& linker;
  const std::vector<std::string>& ids;
  std::string path, tmp;
  FILE* file = nullptr;
  std::vector<std::string> blocks;
  std::vector<char> ready;
  std::mutex mutex;
  std::condition_variable changed;
  bool abort = false;
  std::exception_ptr error;
  std::thread writer;

  Impl(const std::string& p, const Linker& l, const std::vector<std::string>& i)
      : linker(l), ids(i), path(p) {
    const std::size_t n = (ids.size() + Linker::kBlock - 1) / Linker::kBlock;
    blocks.resize(n);
    ready.assign(n, 0);
    if (path == "-") {
      file = stdout;
    } else {
      tmp = temp_path_for(path);
      file = std::fopen(tmp.c_str(), "wb");
      if (!file) throw ExportError(path + ": cannot create — check that the directory exists");
    }
    writer = std::thread([this] { write_in_order(); });
  }

  void write_in_order() {
    const std::string where = path == "-" ? "<stdout>" : path;
    try {
      write_all(file, header_row(), where);
      for (std::size_t b = 0; b < blocks.size(); ++b) {
        std::string text;
        {
          std::unique_lock<std::mutex> lock(mutex);
          changed.wait(lock, [&] { return ready[b] != 0 || abort; });
          if (abort) return;
          text = std::move(blocks[b]);
        }
        write_all(file, text, where);
      }
    } catch (...) {
      error = std::current_exception();
    }
  }

  void stop() {
    if (writer.joinable()) {
      {
        std::lock_guard<std::mutex> lock(mutex);
        abort = true;
      }
      changed.notify_all();
      writer.join();
    }
    if (file && file != stdout) std::fclose(file);
    file = nullptr;
    if (!tmp.empty() && tmp != path) std::remove(tmp.c_str());  // never a device written in place
  }
};

LinksCsvStream::LinksCsvStream(const std::string& path, const Linker& linker,
                               const std::vector<std::string>& ids)
    : impl_(std::make_unique<Impl>(path, linker, ids)) {}

LinksCsvStream::~LinksCsvStream() {
  if (impl_) impl_->stop();
}

void LinksCsvStream::block_done(std::span<const PointLink> links, std::size_t lo) {
  std::string text = format_rows(impl_->linker, impl_->ids, links, {}, lo);
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    impl_->blocks[lo / Linker::kBlock] = std::move(text);
    impl_->ready[lo / Linker::kBlock] = 1;
  }
  impl_->changed.notify_all();
}

void LinksCsvStream::finish() {
  Impl& s = *impl_;
  s.writer.join();
  if (s.error) {
    s.stop();
    std::rethrow_exception(s.error);
  }
  if (s.file == stdout) {
    std::fflush(stdout);
    s.file = nullptr;
    return;
  }
  const bool closed = std::fclose(s.file) == 0;
  s.file = nullptr;
  if (!closed) {
    const int err = errno ? errno : EIO;
    s.stop();
    throw_write_error(s.path, err);
  }
  commit_file(s.tmp, s.path);
  s.tmp.clear();
}

}  // namespace bm
