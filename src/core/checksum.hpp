#pragma once
#include <string>

namespace bm {

// SHA-256 of a file's bytes as lowercase hex (GLib's implementation, which
// Pango already brings); throws InputError when the file cannot be read.
std::string sha256_file(const std::string& path);

}  // namespace bm
