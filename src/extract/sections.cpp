#include "extract/sections.hpp"

#include <algorithm>
#include <set>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "core/error.hpp"
#include "extract/document.hpp"
#include "extract/merge.hpp"
#include "extract/text.hpp"

namespace bm::extract {
namespace {

std::size_t cut_after(std::string_view text, std::size_t from) {
  std::size_t blank = text.find("\n\n", from);
  if (blank != std::string_view::npos) return blank + 2;
  std::size_t line = text.find('\n', from);
  return line == std::string_view::npos ? text.size() : line + 1;
}

void shift(ClaimMention& cm, std::size_t by) {
  for (std::size_t* o : {&cm.begin, &cm.end, &cm.quote_begin, &cm.quote_end, &cm.claimant_begin,
                         &cm.claimant_end, &cm.sub_begin, &cm.sub_end})
    *o += by;
}

// Offsets of a section's result into the whole text.
void shift(DocExtraction& x, std::size_t by) {
  for (PlaceMention& m : x.places) m.begin += by, m.end += by;
  for (DateMention& d : x.dates) d.begin += by, d.end += by;
  for (ClaimMention& cm : x.claims) shift(cm, by);
  for (DraftIncident& d : x.incidents) {
    for (Evidence& e : d.evidence) e.begin += by, e.end += by;
    for (ClaimMention& cm : d.claim_spans) shift(cm, by);
  }
}

// A section's working memory (tokens, mentions: ~37 bytes a byte) is freed
// between drafts that stay; glibc keeps such holes resident unless asked.
void release_free_memory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

template <class T>
void append(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

void drop_evidence(DocExtraction& x) {
  for (DraftIncident& d : x.incidents) d.evidence = {};
}

std::vector<std::pair<std::size_t, std::size_t>> section_bounds(std::string_view text,
                                                                std::size_t size) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t begin = 0; begin < text.size();) {
    std::size_t end = text.size() - begin <= size ? text.size() : cut_after(text, begin + size);
    out.emplace_back(begin, end);
    begin = end;
  }
  return out;
}

namespace {

// extract_in_sections over the pieces `next` gives: it sets a piece's
// text and its offset in the whole text, and says false at the end.
template <class NextPiece>
void extract_pieces(DocExtraction& x, NextPiece next, const PlaceLookup& lookup,
                    const std::string& default_date, bool keep_text) {
  std::set<std::pair<std::string, std::string>> noted;  // one note per name and reason
  DraftMerger merger(keep_text);
  bool first = true;
  std::size_t begin = 0;
  std::string piece;
  while (next(begin, piece)) {
    if (!first && trim(piece).empty()) continue;
    DocExtraction part;
    part.doc.source = x.doc.source;
    part.doc.text = std::move(piece);
    piece = std::string();
    if (first) {
      part.doc.meta_date = x.doc.meta_date;
      date_publication(part, default_date);
      x.publication_date = part.publication_date;
      x.date_from = part.date_from;
    } else {
      part.publication_date = x.publication_date;
      part.date_from = x.date_from;
    }
    first = false;
    extract_text(part, lookup);
    release_free_memory();
    shift(part, begin);
    for (Rejection& r : part.rejected)
      if (noted.insert({r.record, r.reason}).second) x.rejected.push_back(std::move(r));
    if (!keep_text) drop_evidence(part);
    // Merged as they come: the drafts of a long text repeat places and dates.
    for (DraftIncident& d : part.incidents) merger.add(std::move(d));
    if (!keep_text) continue;
    append(x.places, part.places);
    append(x.dates, part.dates);
    append(x.claims, part.claims);
    append(x.claim_notes, part.claim_notes);
  }
  x.incidents = merger.take();
}

}  // namespace

bool FileSections::operator()(std::size_t& begin, std::string& piece) {
  fill(size_ + 1);
  if (buf_.empty()) return false;
  std::size_t end = buf_.size() <= size_ && done_ ? buf_.size() : cut();
  piece.assign(buf_, 0, end);
  buf_.erase(0, end);
  begin = at_;
  at_ += end;
  check_utf8(piece, begin);
  return true;
}

void FileSections::fill(std::size_t n) {
  while (!done_ && buf_.size() < n) done_ = !file_.read(buf_, chunk_);
}

// cut_after(text, size): the first blank line at or after `size`, read as
// far as it takes; else the first line break; else the end.
std::size_t FileSections::cut() {
  std::size_t from = size_;
  for (;;) {
    std::size_t blank = buf_.find("\n\n", from);
    if (blank != std::string::npos) return blank + 2;
    if (done_) break;
    from = std::max(size_, buf_.size() - 1);
    fill(buf_.size() + chunk_);
  }
  std::size_t line = buf_.find('\n', size_);
  return line == std::string::npos ? buf_.size() : line + 1;
}

DocExtraction extract_in_sections(Document doc, const PlaceLookup& lookup,
                                  const std::string& default_date, bool keep_text,
                                  std::size_t size) {
  DocExtraction x;
  x.doc = std::move(doc);
  auto bounds = section_bounds(x.doc.text, size);
  std::size_t k = 0;
  auto next = [&](std::size_t& begin, std::string& piece) {
    if (k == bounds.size()) return false;
    begin = bounds[k].first;
    piece = x.doc.text.substr(begin, bounds[k].second - begin);
    ++k;
    return true;
  };
  extract_pieces(x, next, lookup, default_date, keep_text);
  return x;
}

DocExtraction extract_file_in_sections(TextFile& file, const std::string& source,
                                       const PlaceLookup& lookup, const std::string& default_date,
                                       std::size_t size) {
  DocExtraction x;
  x.doc.source = source;
  try {
    extract_pieces(x, FileSections(file, size), lookup, default_date, false);
  } catch (const InputError& e) {
    throw InputError(source + ": " + e.what());
  }
  return x;
}

}  // namespace bm::extract
