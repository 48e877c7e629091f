#pragma once
// A JSON string literal as both json-c (GDAL) and nlohmann write it: quotes,
// backslash, the named control characters, other controls as \u00xx; '/'
// and non-ASCII bytes as they are.
#include <string>
#include <string_view>

namespace bm {

void append_json_string(std::string& out, std::string_view s);

}  // namespace bm
