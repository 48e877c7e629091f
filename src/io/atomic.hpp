#pragma once
#include <functional>
#include <iosfwd>
#include <string>

namespace bm {

// A temporary path beside `path` in the same directory (so rename is atomic),
// or `path` itself when it names a device, pipe or symlink, which must not be
// replaced by a plain file.
std::string temp_path_for(const std::string& path);
// Writes `path` through `body` atomically (temporary file + rename; a device,
// pipe or symlink in place); "-" is stdout. Throws ExportError naming `path`.
void write_file(const std::string& path, const std::function<void(std::ostream&)>& body);

// Moves `tmp` over `path`; throws ExportError on failure and removes `tmp`.
void commit_file(const std::string& tmp, const std::string& path);

}  // namespace bm
