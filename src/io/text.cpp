#include "io/text.hpp"

#include <cstdio>

#include "core/error.hpp"
#include "io/policy.hpp"

namespace bm::io {

ReadPolicy& read_policy() {
  static ReadPolicy policy;
  return policy;
}

void warn(const std::string& message) {
  if (read_policy().warn)
    read_policy().warn(message);
  else
    std::fprintf(stderr, "bordermap: warning: %s\n", message.c_str());
}

std::optional<std::size_t> utf8_error(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n;) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (len == 0 || c > 0xF4 || i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k)
      if ((p[i + k] & 0xC0) != 0x80) return i;
    // Overlong three- and four-byte forms, UTF-16 surrogates, > U+10FFFF.
    if ((c == 0xE0 && p[i + 1] < 0xA0) || (c == 0xED && p[i + 1] >= 0xA0) ||
        (c == 0xF0 && p[i + 1] < 0x90) || (c == 0xF4 && p[i + 1] >= 0x90))
      return i;
    i += len;
  }
  return std::nullopt;
}

std::string byte_name(unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", b);
  return std::string("byte ") + buf;
}

void reject_cr_only_lines(std::string_view head, const std::string& name) {
  // Binary files (NUL bytes) are left to their format's reader.
  if (head.find('\n') != std::string_view::npos || head.find('\0') != std::string_view::npos)
    return;
  auto cr = head.find('\r');
  if (cr == std::string_view::npos || cr + 1 >= head.size()) return;
  throw InputError(name +
                   ": lines end with a carriage return alone (classic Mac / Excel \"CSV "
                   "(Macintosh)\"), so no row can be told apart — save it as \"CSV UTF-8\" or "
                   "convert it with tr '\\r' '\\n'");
}

}  // namespace bm::io
