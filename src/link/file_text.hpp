#pragma once
// A read-only view of a whole file: mapped when possible (the point tables
// of millions of rows are read once, in place), else read into memory.
#include <string>
#include <string_view>

namespace bm {

class FileText {
 public:
  explicit FileText(const std::string& path);  // throws InputError
  ~FileText();
  FileText(const FileText&) = delete;
  FileText& operator=(const FileText&) = delete;
  std::string_view text() const { return map_ ? std::string_view(map_, size_) : copy_; }

 private:
  int fd_ = -1;
  const char* map_ = nullptr;
  std::size_t size_ = 0;
  std::string copy_;
};

}  // namespace bm
