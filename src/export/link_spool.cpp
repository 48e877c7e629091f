#include "export/link_spool.hpp"

#include <cerrno>
#include <cstring>

#include "core/error.hpp"

namespace bm {
namespace {

bool get(std::FILE* f, void* p, std::size_t n) { return std::fread(p, 1, n, f) == n; }

bool get(std::FILE* f, std::string& s) {
  std::uint32_t n = 0;
  if (!get(f, &n, sizeof n)) return false;
  s.resize(n);
  return n == 0 || get(f, s.data(), n);
}

}  // namespace

LinkSpool::LinkSpool() : file_(std::tmpfile()) {
  if (!file_) error_ = errno;
}

LinkSpool::~LinkSpool() {
  if (file_) std::fclose(file_);
}

void LinkSpool::put(const void* p, std::size_t n) {
  if (file_ && !error_ && std::fwrite(p, 1, n, file_) != n) error_ = errno ? errno : EIO;
}

void LinkSpool::put(const std::string& s) {
  auto n = static_cast<std::uint32_t>(s.size());
  put(&n, sizeof n);
  put(s.data(), s.size());
}

void LinkSpool::add(const Incident& i, const Link& k) {
  put(k.incident_id);
  put(i.date.start);
  put(&*i.location, sizeof(LonLat));
  put(k.segment_id);
  put(&k.distance_m, sizeof k.distance_m);
  put(&k.nearest, sizeof k.nearest);
  put(k.disputed_segment_id);
  put(&k.disputed_distance_m, sizeof k.disputed_distance_m);
  put(&k.disputed_nearest, sizeof k.disputed_nearest);
}

void LinkSpool::replay(const std::function<void(const Link&, const Incident&)>& each) {
  if (error_ || !file_ || std::fflush(file_) != 0 || std::fseek(file_, 0, SEEK_SET) != 0)
    throw ExportError(std::string("cannot keep the links in a temporary file (") +
                      std::strerror(error_ ? error_ : errno) + ") — check the free space in /tmp");
  Link k;
  Incident i;
  i.location = LonLat{};
  while (get(file_, k.incident_id)) {
    bool ok = get(file_, i.date.start) && get(file_, &*i.location, sizeof(LonLat)) &&
              get(file_, k.segment_id) && get(file_, &k.distance_m, sizeof k.distance_m) &&
              get(file_, &k.nearest, sizeof k.nearest) && get(file_, k.disputed_segment_id) &&
              get(file_, &k.disputed_distance_m, sizeof k.disputed_distance_m) &&
              get(file_, &k.disputed_nearest, sizeof k.disputed_nearest);
    if (!ok) throw ExportError("the temporary file of the links was cut short");
    i.id = k.incident_id;
    each(k, i);
  }
}

std::map<std::string, const BorderSegment*> segments_by_id(
    const std::vector<BorderSegment>& segments, const std::string& as_of) {
  std::map<std::string, const BorderSegment*> out;
  for (const auto& s : segments)
    if (active_on(s, as_of) || !out.count(s.id)) out[s.id] = &s;
  return out;
}

}  // namespace bm
