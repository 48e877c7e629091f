#pragma once
#include <map>
#include <string>
#include <tuple>

namespace bm {

// SHA-256 of a file's bytes as lowercase hex (OpenSSL's libcrypto, which
// uses the CPU's SHA extensions); throws InputError when the file cannot be
// read.
std::string sha256_file(const std::string& path);

// SHA-256 of a string's bytes as lowercase hex.
std::string sha256_text(const std::string& text);

// sha256_file, each version of a file (path, inode, size, mtime) read once
// while this object lives: a report checksums what it wrote for the page's
// manifest and again for manifest.json.
class FileChecksums {
 public:
  std::string sha256(const std::string& path);

 private:
  using Key = std::tuple<std::string, unsigned long, long long, long long, long long>;
  std::map<Key, std::string> sums_;
};

}  // namespace bm
