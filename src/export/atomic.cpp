#include "export/atomic.hpp"

#include <unistd.h>
#include <filesystem>

#include "core/error.hpp"

namespace bm {

std::string temp_path_for(const std::string& path) {
  namespace fs = std::filesystem;
  fs::path p(path);
  // Keep the extension: GDAL picks drivers by it.
  return (p.parent_path() / (".tmp-" + std::to_string(::getpid()) + "-" + p.filename().string()))
      .string();
}

void commit_file(const std::string& tmp, const std::string& path) {
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp);
    throw ExportError(path + ": cannot write (" + ec.message() + ")");
  }
}

}  // namespace bm
