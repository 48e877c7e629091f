#pragma once
// Region-precision incidents in the pushed-down link (only the region is
// known: ACLED's geo_precision 3). The in-memory linker's rule
// (Linker::link_region and bounding_segments): the distance runs from the
// region's nearest boundary point to its farthest one (0 when the boundary
// comes within 2 km of a segment), the nearest segment is the one nearest
// the region, and the segments within 2 km of its boundary bound it. The
// region is found by its name in a regions table (db/pg_regions), its area
// read once per region and status epoch, and only this summary kept, so a
// table of millions of region rows costs a few queries.
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "db/pg_regions.hpp"
#include "pipeline/pg_link_run.hpp"
#include "pipeline/pg_refine.hpp"

namespace bm {

class RegionRefiner {
 public:
  // `table` empty: no regions table, every region row stays a point.
  RegionRefiner(const CandidateRefiner& segments, const std::string& connection,
                const std::string& table);
  ~RegionRefiner();

  // Links `row` (already linked as the point `p`) as the region named
  // `name` on `date`. False when no region has that name (the row stays
  // the point's link, as in the in-memory engine).
  bool apply(PgLinkRow& row, const std::string& name, LonLat p, const std::string& date,
             double within_m) const;

 private:
  struct Span;
  std::ptrdiff_t find(const std::string& name, LonLat p) const;
  const Span& span(std::size_t region, const std::string& date) const;

  const CandidateRefiner& segments_;
  std::unique_ptr<db::PgRegions> regions_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_name_;  // normalised name
  mutable std::map<std::pair<std::size_t, std::size_t>, std::unique_ptr<Span>> spans_;
};

}  // namespace bm
