#pragma once
// A long text (a feed, a digest, a concatenation of articles) is extracted
// in sections cut at paragraph breaks, so memory follows the section and not
// the whole text (about 37 bytes of working memory per byte of text).
// Every section is read against the first section's publication date, and
// every offset of the result indexes into the whole text. Article-wide
// context (the countries the text names, the story's dates, the claimants)
// holds per section.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/draft.hpp"
#include "extract/text_file.hpp"

namespace bm::extract {

// Texts longer than this are cut into sections of about this size.
inline constexpr std::size_t kSectionBytes = std::size_t{1} << 20;

// [begin, end) byte ranges covering the text: each cut at the first blank
// line at or after `size` bytes into its section, else at the first line
// break, else not cut.
std::vector<std::pair<std::size_t, std::size_t>> section_bounds(std::string_view text,
                                                                std::size_t size);

// section_bounds over a file read `chunk` bytes at a time: each call gives
// the next section and its offset in the file (false at the end), reading
// only as far as its cut needs. Throws InputError at the first byte that
// is not UTF-8 (the offset in the whole file).
class FileSections {
 public:
  FileSections(TextFile& file, std::size_t size, std::size_t chunk = std::size_t{1} << 20)
      : file_(file), size_(size), chunk_(chunk) {}
  bool operator()(std::size_t& begin, std::string& piece);

 private:
  void fill(std::size_t n);
  std::size_t cut();

  TextFile& file_;
  std::size_t size_;
  std::size_t chunk_;
  std::string buf_;  // the text from offset at_ on
  std::size_t at_ = 0;
  bool done_ = false;
};

// Without the JSON evidence, the spans are dropped as soon as the drafts
// are made (the CSV does not hold them): they grow with the text.
void drop_evidence(DocExtraction& x);

// extract_document over sections of kSectionBytes (or `size`). With
// `keep_text` false the places, dates, claims and evidence of each section
// are dropped once its drafts are made, as extract_files drops an article's.
DocExtraction extract_in_sections(Document doc, const PlaceLookup& lookup,
                                  const std::string& default_date, bool keep_text,
                                  std::size_t size = kSectionBytes);

// The same over a plain-text file read a piece at a time, for CSV output
// only (keep_text false): the text is never held whole. Throws InputError
// ("source: ...") at the first byte that is not UTF-8, as load_document.
DocExtraction extract_file_in_sections(TextFile& file, const std::string& source,
                                       const PlaceLookup& lookup, const std::string& default_date,
                                       std::size_t size = kSectionBytes);

}  // namespace bm::extract
