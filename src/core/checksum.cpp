#include "core/checksum.hpp"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <memory>
#include <vector>

#include "core/error.hpp"

namespace bm {
namespace {

// OpenSSL's SHA-256 uses the CPU's SHA extensions where present (5-8x
// GLib's portable code); libcrypto is already loaded through GDAL.
class Sha256 {
 public:
  Sha256() : ctx_(EVP_MD_CTX_new(), &EVP_MD_CTX_free) {
    if (!ctx_ || EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr) != 1)
      throw std::runtime_error("OpenSSL could not start a SHA-256");  // exit 3: a bug
  }
  void add(const void* data, std::size_t size) { EVP_DigestUpdate(ctx_.get(), data, size); }
  std::string hex() {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    EVP_DigestFinal_ex(ctx_.get(), md, &n);
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < n; ++i) {
      out += digits[md[i] >> 4];
      out += digits[md[i] & 15];
    }
    return out;
  }

 private:
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx_;
};

std::string hash_fd(int fd, const std::string& path) {
  Sha256 sum;
  std::vector<char> buf(1 << 20);
  for (;;) {
    ssize_t n = ::read(fd, buf.data(), buf.size());
    if (n == 0) break;
    if (n < 0) throw InputError(path + ": cannot read to checksum it");
    sum.add(buf.data(), static_cast<std::size_t>(n));
  }
  return sum.hex();
}

}  // namespace

std::string sha256_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw InputError(path + ": cannot read to checksum it");
  std::string sum;
  try {
    sum = hash_fd(fd, path);
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::close(fd);
  return sum;
}

std::string FileChecksums::sha256(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw InputError(path + ": cannot read to checksum it");
  Key key{path, st.st_ino, static_cast<long long>(st.st_size), st.st_mtim.tv_sec,
          st.st_mtim.tv_nsec};
  if (auto it = sums_.find(key); it != sums_.end()) return it->second;
  return sums_[key] = sha256_file(path);
}

std::string sha256_text(const std::string& text) {
  Sha256 sum;
  sum.add(text.data(), text.size());
  return sum.hex();
}

}  // namespace bm
