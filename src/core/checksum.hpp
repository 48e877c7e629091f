#pragma once
#include <string>

namespace bm {

// SHA-256 of a file's bytes as lowercase hex (GLib's implementation, which
// Pango already brings); throws InputError when the file cannot be read.
std::string sha256_file(const std::string& path);

// SHA-256 of a string's bytes as lowercase hex.
std::string sha256_text(const std::string& text);

}  // namespace bm
