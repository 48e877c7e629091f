#pragma once
#include <string>

namespace bm {

// A temporary path beside `path` in the same directory (so rename is atomic),
// or `path` itself when it names a device or pipe, which must not be replaced.
std::string temp_path_for(const std::string& path);
// Moves `tmp` over `path`; throws ExportError on failure and removes `tmp`.
void commit_file(const std::string& tmp, const std::string& path);

}  // namespace bm
