#include "export/atomic.hpp"

#include <unistd.h>
#include <filesystem>

#include "core/error.hpp"

namespace bm {

std::string temp_path_for(const std::string& path) {
  namespace fs = std::filesystem;
  fs::path p(path);
  // A device or pipe (/dev/null, /dev/stdout, a FIFO) is written in place:
  // renaming a file over it would replace the device node.
  std::error_code ec;
  auto st = fs::status(p, ec);
  if (!ec && fs::exists(st) && !fs::is_regular_file(st)) return path;
  // Keep the extension: GDAL picks drivers by it.
  return (p.parent_path() / (".tmp-" + std::to_string(::getpid()) + "-" + p.filename().string()))
      .string();
}

void commit_file(const std::string& tmp, const std::string& path) {
  if (tmp == path) return;  // written in place (see temp_path_for)
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp);
    throw ExportError(path + ": cannot write (" + ec.message() + ")");
  }
}

}  // namespace bm
