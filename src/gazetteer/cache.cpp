// The index cache: a flat little-endian dump of the built index, so a cold
// `bordermap resolve` reads one file instead of 171k GDAL features and ICU
// work on every name.
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <type_traits>
#include "core/error.hpp"

#include "core/geometry.hpp"
#include "export/atomic.hpp"
#include "gazetteer/index.hpp"
#include "gazetteer/normalize.hpp"

namespace bm {
namespace {

// Bump when the layout or Index::build() changes; key-rule changes are
// caught by keys_fingerprint().
constexpr char kMagic[8] = {'B', 'M', 'G', 'A', 'Z', '0', '0', '7'};

struct Stamp {
  std::uint64_t size = 0;
  std::int64_t mtime = 0;
};

Stamp stamp_of(const std::string& path) {
  namespace fs = std::filesystem;
  Stamp s;
  s.size = fs::file_size(path);
  s.mtime = static_cast<std::int64_t>(fs::last_write_time(path).time_since_epoch().count());
  return s;
}

class Writer {
 public:
  std::string buf;
  template <class T>
  void pod(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    buf.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void str(const std::string& s) {
    pod(static_cast<std::uint32_t>(s.size()));
    buf += s;
  }
  template <class T>
  void vec(const std::vector<T>& v) {
    pod(static_cast<std::uint64_t>(v.size()));
    buf.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
};

class Reader {
 public:
  explicit Reader(std::string_view d) : data_(d) {}
  bool ok() const { return ok_; }
  template <class T>
  T pod() {
    T v{};
    if (!take(sizeof v)) return v;
    std::memcpy(&v, data_.data() + pos_ - sizeof v, sizeof v);
    return v;
  }
  std::string str() {
    auto n = pod<std::uint32_t>();
    if (!take(n)) return {};
    return std::string(data_.substr(pos_ - n, n));
  }
  template <class T>
  void vec(std::vector<T>& v) {
    auto n = pod<std::uint64_t>();
    if (n > data_.size() || !take(n * sizeof(T))) return;
    v.resize(n);
    std::memcpy(v.data(), data_.data() + pos_ - n * sizeof(T), n * sizeof(T));
  }
  bool at_end() const { return pos_ == data_.size(); }

 private:
  bool take(std::size_t n) {
    if (!ok_ || data_.size() - pos_ < n) return ok_ = false;
    pos_ += n;
    return true;
  }
  std::string_view data_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

void write_place(Writer& w, const Place& p) {
  w.str(p.id);
  w.str(p.name);
  w.pod(static_cast<std::uint32_t>(p.alt_names.size()));
  for (const auto& a : p.alt_names) w.str(a);
  w.str(p.kind);
  w.str(p.country);
  w.str(p.admin1);
  w.str(p.admin2);
  w.pod(static_cast<std::uint8_t>(p.point.has_value()));
  w.pod(p.point.value_or(LonLat{}));
  w.pod(static_cast<std::int64_t>(p.population));
  w.pod(static_cast<std::int32_t>(p.coord_precision));
  w.pod(p.uncertainty_m);
  w.str(p.source);
  std::uint32_t npoly = p.area ? static_cast<std::uint32_t>(p.area->size()) : 0;
  w.pod(static_cast<std::uint8_t>(p.area != nullptr));
  w.pod(npoly);
  for (std::uint32_t i = 0; i < npoly; ++i) {
    const Polygon& poly = (*p.area)[i];
    w.pod(static_cast<std::uint32_t>(poly.rings.size()));
    for (const Ring& r : poly.rings) w.vec(r);
  }
}

Place read_place(Reader& r) {
  Place p;
  p.id = r.str();
  p.name = r.str();
  auto nalt = r.pod<std::uint32_t>();
  for (std::uint32_t i = 0; i < nalt && r.ok(); ++i) p.alt_names.push_back(r.str());
  p.kind = r.str();
  p.country = r.str();
  p.admin1 = r.str();
  p.admin2 = r.str();
  bool has_point = r.pod<std::uint8_t>() != 0;
  auto pt = r.pod<LonLat>();
  if (has_point) p.point = pt;
  p.population = static_cast<long>(r.pod<std::int64_t>());
  p.coord_precision = static_cast<GeoPrecision>(r.pod<std::int32_t>());
  p.uncertainty_m = r.pod<double>();
  p.source = r.str();
  bool has_area = r.pod<std::uint8_t>() != 0;
  auto npoly = r.pod<std::uint32_t>();
  if (has_area) {
    auto area = std::make_shared<MultiPolygon>();
    for (std::uint32_t i = 0; i < npoly && r.ok(); ++i) {
      Polygon poly;
      auto nring = r.pod<std::uint32_t>();
      for (std::uint32_t j = 0; j < nring && r.ok(); ++j) {
        Ring ring;
        r.vec(ring);
        poly.rings.push_back(std::move(ring));
      }
      area->push_back(std::move(poly));
    }
    p.area = std::move(area);
  }
  return p;
}

}  // namespace

std::string cache_path_for(const std::string& gpkg) { return gpkg + ".gazetteer.bin"; }

bool read_cache(const std::string& gpkg, Gazetteer::Index& out) {
  std::error_code ec;
  const std::string path = cache_path_for(gpkg);
  if (!std::filesystem::exists(path, ec)) return false;
  std::ifstream in(path, std::ios::binary);
  const std::size_t size_on_disk = std::filesystem::file_size(path, ec);
  if (ec) return false;
  // Uninitialised buffer: zero-filling 50 MB first would cost a pass.
  std::unique_ptr<char[]> buf(new char[size_on_disk]);
  if (!in.read(buf.get(), static_cast<std::streamsize>(size_on_disk))) return false;
  std::string_view data(buf.get(), size_on_disk);
  Reader r(data);
  char magic[8];
  for (char& c : magic) c = r.pod<char>();
  if (!r.ok() || std::memcmp(magic, kMagic, sizeof magic) != 0) return false;
  Stamp want = stamp_of(gpkg);
  auto size = r.pod<std::uint64_t>();
  auto mtime = r.pod<std::int64_t>();
  if (size != want.size || mtime != want.mtime) return false;
  if (r.str() != keys_fingerprint()) return false;
  auto n = r.pod<std::uint64_t>();
  if (!r.ok() || n > data.size()) return false;
  out.places.clear();
  out.places.reserve(n);
  for (std::uint64_t i = 0; i < n && r.ok(); ++i) out.places.push_back(read_place(r));
  out.blob = r.str();
  r.vec(out.entries);
  r.vec(out.by_key);
  r.vec(out.by_sound);
  r.vec(out.place_keys);
  auto ncw = r.pod<std::uint32_t>();
  out.country_words.clear();
  for (std::uint32_t i = 0; i < ncw && r.ok(); ++i) {
    std::string word = r.str();
    out.country_words.emplace_back(std::move(word), r.str());
  }
  if (!r.ok() || !r.at_end() || out.by_key.size() != out.entries.size() ||
      out.place_keys.size() != out.places.size())
    return false;
  for (const PlaceKeys& k : out.place_keys)
    if (k.base_off + k.base_len > out.blob.size() ||
        k.admin1_off + k.admin1_len > out.blob.size() ||
        k.admin2_off + k.admin2_len > out.blob.size())
      return false;
  for (const NameEntry& e : out.entries)
    if (e.place >= out.places.size() || e.key_off + e.key_len > out.blob.size() ||
        e.sound_off + e.sound_len > out.blob.size())
      return false;
  return true;
}

void write_cache(const std::string& gpkg, const Gazetteer::Index& index) {
  Writer w;
  w.buf.append(kMagic, sizeof kMagic);
  Stamp s = stamp_of(gpkg);
  w.pod(s.size);
  w.pod(s.mtime);
  w.str(keys_fingerprint());
  w.pod(static_cast<std::uint64_t>(index.places.size()));
  for (const Place& p : index.places) write_place(w, p);
  w.str(index.blob);
  w.vec(index.entries);
  w.vec(index.by_key);
  w.vec(index.by_sound);
  w.vec(index.place_keys);
  w.pod(static_cast<std::uint32_t>(index.country_words.size()));
  for (const auto& [word, iso2] : index.country_words) {
    w.str(word);
    w.str(iso2);
  }
  const std::string path = cache_path_for(gpkg);
  try {
    std::string tmp = temp_path_for(path);
    {
      std::ofstream out(tmp, std::ios::binary);
      out.write(w.buf.data(), static_cast<std::streamsize>(w.buf.size()));
      if (!out) throw ExportError(tmp + ": cannot write");
    }
    commit_file(tmp, path);
  } catch (const std::exception& e) {
    // A read-only data directory only costs speed: say so once and go on.
    std::cerr << "note: gazetteer cache not written (" << e.what()
              << "); lookups work but start slower\n";
  }
}

}  // namespace bm
