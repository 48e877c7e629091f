// The index cache: the index image (see index.hpp) written beside the
// GeoPackage. A cold `bordermap resolve` maps it read-only instead of
// reading 171k GDAL features and doing ICU work on every name; nothing is
// parsed or copied up front, a place is built when a lookup first needs it.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>

#include "core/error.hpp"
#include "gazetteer/index.hpp"
#include "io/atomic.hpp"

namespace bm {
namespace {

struct Stamp {
  std::uint64_t size = 0;
  std::int64_t mtime = 0;
};

// Size and mtime (ns) by stat(2): the GeoPackage is not opened.
bool stamp_of(const std::string& path, Stamp& out) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return false;
  out.size = static_cast<std::uint64_t>(st.st_size);
  out.mtime = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return true;
}

// A read-only mapping, unmapped when the last user lets go.
struct Mapping {
  void* addr = MAP_FAILED;
  std::size_t size = 0;
  ~Mapping() {
    if (addr != MAP_FAILED) ::munmap(addr, size);
  }
};

}  // namespace

std::string cache_path_for(const std::string& gpkg) { return gpkg + ".gazetteer.bin"; }

bool read_cache(const std::string& gpkg, Gazetteer::Index& out) {
  Stamp want;
  if (!stamp_of(gpkg, want)) return false;
  const std::string path = cache_path_for(gpkg);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st {};
  auto map = std::make_shared<Mapping>();
  if (::fstat(fd, &st) == 0 && st.st_size >= static_cast<off_t>(sizeof(ImageHeader))) {
    map->size = static_cast<std::size_t>(st.st_size);
    map->addr = ::mmap(nullptr, map->size, PROT_READ, MAP_PRIVATE, fd, 0);
  }
  ::close(fd);
  if (map->addr == MAP_FAILED) return false;
  std::string_view image(static_cast<const char*>(map->addr), map->size);
  ImageHeader h;
  std::memcpy(&h, image.data(), sizeof h);
  if (h.gpkg_size != want.size || h.gpkg_mtime != want.mtime) return false;
  return out.open(std::move(map), image);
}

void write_cache(const std::string& gpkg, const Gazetteer::Index& index) {
  const std::string path = cache_path_for(gpkg);
  try {
    Stamp s;
    if (!stamp_of(gpkg, s)) throw ExportError(gpkg + ": cannot stat");
    std::string_view image = index.image();
    ImageHeader h;
    std::memcpy(&h, image.data(), sizeof h);
    h.gpkg_size = s.size;
    h.gpkg_mtime = s.mtime;
    write_file(path, [&](std::ostream& out) {
      out.write(reinterpret_cast<const char*>(&h), sizeof h);
      out.write(image.data() + sizeof h, static_cast<std::streamsize>(image.size() - sizeof h));
    });
  } catch (const std::exception& e) {
    // A read-only data directory only costs speed: say so once and go on.
    std::cerr << "note: gazetteer cache not written (" << e.what()
              << "); lookups work but start slower\n";
  }
}

}  // namespace bm
