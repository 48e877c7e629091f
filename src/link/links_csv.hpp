#pragma once
// The link table as CSV: one row per incident. The first three columns are
// the benchmark contract (incident_id, segment_id, dist_m).
#include <memory>
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
// formatted by the thread that linked it (pass block_done to
// Linker::link_points), and a writer thread puts the finished blocks out in
// order, so writing overlaps linking. finish() waits for the last block and
// commits the file; destroyed unfinished, it leaves no file behind.
class LinksCsvStream {
 public:
  LinksCsvStream(const std::string& path, const Linker& linker,
                 const std::vector<std::string>& ids);
  ~LinksCsvStream();
  LinksCsvStream(const LinksCsvStream&) = delete;
  LinksCsvStream& operator=(const LinksCsvStream&) = delete;
  void block_done(const std::vector<PointLink>& links, std::size_t lo, std::size_t hi);
  void finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace bm
