#include "core/checksum.hpp"

#include <glib.h>

#include <fstream>
#include <memory>
#include <vector>

#include "core/error.hpp"

namespace bm {

std::string sha256_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot read to checksum it");
  std::unique_ptr<GChecksum, decltype(&g_checksum_free)> sum(g_checksum_new(G_CHECKSUM_SHA256),
                                                             &g_checksum_free);
  std::vector<char> buf(1 << 16);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    g_checksum_update(sum.get(), reinterpret_cast<const guchar*>(buf.data()),
                      static_cast<gssize>(in.gcount()));
  }
  return g_checksum_get_string(sum.get());
}

}  // namespace bm

namespace bm {

std::string sha256_text(const std::string& text) {
  std::unique_ptr<GChecksum, decltype(&g_checksum_free)> sum(g_checksum_new(G_CHECKSUM_SHA256),
                                                             &g_checksum_free);
  g_checksum_update(sum.get(), reinterpret_cast<const guchar*>(text.data()),
                    static_cast<gssize>(text.size()));
  return g_checksum_get_string(sum.get());
}

}  // namespace bm
