#include "io/atomic.hpp"

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "core/error.hpp"

namespace bm {

std::string temp_path_for(const std::string& path) {
  namespace fs = std::filesystem;
  fs::path p(path);
  // A device, pipe or symlink (/dev/null, /dev/stdout, a FIFO) is written in
  // place: renaming a file over it would replace the node itself.
  std::error_code ec;
  auto st = fs::status(p, ec);
  bool link = fs::is_symlink(fs::symlink_status(p, ec));
  if (!ec && fs::exists(st) && (link || !fs::is_regular_file(st))) return path;
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

void write_file(const std::string& path, const std::function<void(std::ostream&)>& body) {
  if (path == "-") {
    body(std::cout);
    std::cout.flush();
    return;
  }
  std::string tmp = temp_path_for(path);
  {
    std::ofstream out(tmp, std::ios::binary);
    if (!out) throw ExportError(path + ": cannot write — check that the directory exists");
    body(out);
    if (!out.flush()) {
      out.close();
      if (tmp != path) std::filesystem::remove(tmp);
      throw ExportError(path + ": write failed (disk full?)");
    }
  }
  commit_file(tmp, path);
}

}  // namespace bm
