#pragma once
// Standard input read as it arrives, and kept for a second reading.
//
// Readers take "-" as standard input. A table on stdin is read in blocks like
// a file (stdin_stream: the head already read for format detection, then the
// rest of std::cin), so memory does not grow with the table. A command that
// may have to read the input a second time (export's stream falls back to
// the whole-table path when a later block does not fit) spools stdin to an
// anonymous temporary file first: StdinSpool puts that file behind std::cin,
// and rewind() serves it again from the start.
#include <cstddef>
#include <fstream>
#include <iosfwd>
#include <memory>
#include <streambuf>
#include <string>

namespace bm::io {

// Up to `bytes` of std::cin (fewer at its end).
std::string read_stdin_head(std::size_t bytes);

// `head` (read from std::cin before), then the rest of std::cin.
std::unique_ptr<std::istream> stdin_stream(std::string head);

// `head` and the rest of std::cin, whole (formats GDAL must open in memory).
std::string stdin_whole(std::string head);

// Copies the rest of std::cin into `out`; throws InputError when a write
// fails (a full disk would otherwise leave a silently shorter copy).
void copy_stdin(std::streambuf& out);

class StdinSpool {
 public:
  StdinSpool();   // copies all of std::cin; throws InputError when /tmp is full
  ~StdinSpool();  // std::cin reads the real stdin again (what is left of it)
  StdinSpool(const StdinSpool&) = delete;
  StdinSpool& operator=(const StdinSpool&) = delete;
  void rewind();  // std::cin reads the spooled copy from its start

 private:
  std::filebuf file_;
  std::streambuf* original_ = nullptr;
};

}  // namespace bm::io
