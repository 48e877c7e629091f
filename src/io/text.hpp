#pragma once
// Checks on text that came from a user's file.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace bm::io {

// The offset of the first byte that is not part of valid UTF-8 (overlong
// forms, surrogates and code points above U+10FFFF are invalid), or none.
std::optional<std::size_t> utf8_error(std::string_view s);

// "byte 0xE9" — how a message names a byte.
std::string byte_name(unsigned char b);

// Throws InputError when `head` (a file's first bytes) ends its lines with a
// carriage return alone (classic Mac OS, Excel's "CSV (Macintosh)"): every
// reader would see one long line and no rows.
void reject_cr_only_lines(std::string_view head, const std::string& name);

}  // namespace bm::io
