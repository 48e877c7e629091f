#pragma once
// The link table as CSV: one row per incident. The first three columns are
// the benchmark contract (incident_id, segment_id, dist_m).
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "link/linker.hpp"

namespace bm {

extern const std::vector<std::string> kLinkColumns;

// Writes to `path` through a temporary file, or to stdout when path is "-".
// `bounding` is empty or one list of segment ids per link (region incidents).
void write_links_csv(const std::string& path, const Linker& linker,
                     const std::vector<std::string>& ids, const std::vector<PointLink>& links,
                     const std::vector<std::vector<std::string>>& bounding = {});

// The link table written while it is being computed: each block of rows is
// formatted by the thread that linked it (pass block_done as
// Linker::stream_points' sink), and a writer thread puts the finished blocks
// out in order, so writing overlaps linking and only the blocks not yet
// written are held. finish() waits for the last block and commits the file;
// destroyed unfinished, it leaves no file behind.
class LinksCsvStream {
 public:
  LinksCsvStream(const std::string& path, const Linker& linker,
                 const std::vector<std::string>& ids);
  ~LinksCsvStream();
  LinksCsvStream(const LinksCsvStream&) = delete;
  LinksCsvStream& operator=(const LinksCsvStream&) = delete;
  // Rows lo .. lo + links.size() (a whole block of Linker::kBlock, or the last).
  void block_done(std::span<const PointLink> links, std::size_t lo);
  void finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace bm
