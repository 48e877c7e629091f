// The index cache: the index image (see index.hpp) in the user's cache
// folder. A cold `bordermap resolve` maps it read-only instead of reading
// 171k GDAL features and doing ICU work on every name; nothing is parsed or
// copied up front, a place is built when a lookup first needs it. The data
// folder is only read, so an installed, read-only copy works.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "core/error.hpp"
#include "core/xdg.hpp"
#include "gazetteer/index.hpp"
#include "gazetteer/normalize.hpp"
#include "geodata/bundle_sum.hpp"
#include "io/atomic.hpp"

namespace bm {
namespace {

// A read-only mapping, unmapped when the last user lets go.
struct Mapping {
  void* addr = MAP_FAILED;
  std::size_t size = 0;
  ~Mapping() {
    if (addr != MAP_FAILED) ::munmap(addr, size);
  }
};

std::shared_ptr<Mapping> map_file(const std::string& path) {
  auto map = std::make_shared<Mapping>();
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && st.st_size >= static_cast<off_t>(sizeof(ImageHeader))) {
    map->size = static_cast<std::size_t>(st.st_size);
    map->addr = ::mmap(nullptr, map->size, PROT_READ, MAP_PRIVATE, fd, 0);
  }
  ::close(fd);
  return map;
}

// Caches are a speed-up only: problems are notes, never errors.
void cache_note(const std::string& message) { std::cerr << "bordermap: note: " << message << '\n'; }

// The file name says which bundle (its checksum) and which index rules (the
// image format and the key rules' fingerprint) built it, so builds that make
// different indexes from one bundle never overwrite each other's cache.
std::string cache_path_in(const std::string& dir, const std::string& sum) {
  if (dir.empty()) return {};
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a
  for (char c :
       std::string(kImageMagic, sizeof kImageMagic) + keys_fingerprint() + fuzzy_fingerprint())
    h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  char rules[17];
  std::snprintf(rules, sizeof rules, "%016llx", static_cast<unsigned long long>(h));
  return dir + "/gazetteer-" + sum.substr(0, 16) + "-" + rules + ".bin";
}

}  // namespace

std::string cache_path_for(const std::string& gpkg) {
  return cache_path_in(user_cache_dir(), bundle_checksum(gpkg));
}

bool read_cache(const std::string& gpkg, Gazetteer::Index& out) {
  std::string sum;
  std::string path;
  try {
    sum = bundle_checksum(gpkg);
    path = cache_path_in(user_cache_dir(), sum);
  } catch (const Error&) {
    return false;  // an unreadable bundle is reported by the loader itself
  }
  if (path.empty()) return false;
  auto map = map_file(path);
  if (!map) return false;  // not built yet: the loader says so when it writes it
  bool ok = map->addr != MAP_FAILED;
  std::string_view image;
  if (ok) {
    image = {static_cast<const char*>(map->addr), map->size};
    ImageHeader h;
    std::memcpy(&h, image.data(), sizeof h);
    ok = std::string_view(h.bundle_sha256, sizeof h.bundle_sha256) == sum &&
         out.open(std::move(map), image);
  }
  if (!ok) cache_note(path + " is damaged or from another build; rebuilding it");
  return ok;
}

void write_cache(const std::string& gpkg, const Gazetteer::Index& index) {
  std::string path;
  try {
    std::string sum = bundle_checksum(gpkg);
    path = cache_path_in(user_cache_dir(), sum);
    if (path.empty()) {
      cache_note(
          "no cache folder (set HOME or XDG_CACHE_HOME); the gazetteer index is rebuilt on "
          "every run");
      return;
    }
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::string_view image = index.image();
    ImageHeader h;
    std::memcpy(&h, image.data(), sizeof h);
    std::memcpy(h.bundle_sha256, sum.data(), sizeof h.bundle_sha256);
    // Written under a name of this process, then renamed: two processes
    // building at once each rename a whole file, and a reader never sees half.
    write_file(path, [&](std::ostream& out) {
      out.write(reinterpret_cast<const char*>(&h), sizeof h);
      out.write(image.data() + sizeof h, static_cast<std::streamsize>(image.size() - sizeof h));
    });
    // A first run is slower: say why on a terminal; scripts and pipes see
    // nothing (stderr stays for what needs the user).
    if (::isatty(STDERR_FILENO)) cache_note("gazetteer index built and cached in " + path);
  } catch (const std::exception& e) {
    cache_note(std::string("gazetteer cache not written (") + e.what() +
               "); lookups work but start slower");
  }
}

}  // namespace bm
