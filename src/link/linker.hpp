#pragma once
// Links incidents to the border: nearest segment and nearest disputed
// segment (status as of the incident's date), geodesic distances on WGS84,
// the country the incident lies in and whether that is an enclave.
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "core/model.hpp"
#include "geodata/bundle.hpp"
#include "link/area_grid.hpp"

namespace bm {

struct SegmentHit;
class SpatialOrder;

struct LinkOptions {
  double within_m = 5000;  // the zone reported by `within_zone` (default 5 km)
  std::string as_of;       // status date; empty: each incident's own date
  unsigned threads = 0;    // 0: every core
  // The segments' lines run with country_a on their left (the bundled
  // OSM-derived ones): near them the side decides the country.
  bool a_left = false;
};

// A link in compact form (1M of them fit in ~100 MB); indices refer to
// Linker::segments() and Linker::countries().
struct PointLink {
  std::int32_t segment = -1;
  std::int32_t disputed = -1;
  std::int32_t country = -1;
  bool in_enclave = false;
  bool within_zone = false;
  double distance_m = -1;
  double distance_max_m = -1;  // region incidents only
  double disputed_distance_m = -1;
  LonLat nearest;
  LonLat disputed_nearest;
};

// A table linked in several calls (export's blocks): the whole table's row
// count and a country grid kept by the caller, so each call links as one
// call over the table would (a block alone is too small for the grid and
// the cell cache to pay). Answers are the same either way.
struct LinkHint {
  const AreaGrid* grid = nullptr;  // from Linker::area_grid_over; null: judged per call
  std::size_t rows = 0;            // rows in the whole table; 0: this call's
};

class Linker {
 public:
  Linker(std::vector<BorderSegment> segments, std::vector<Country> countries,
         LinkOptions options = {});
  ~Linker();
  Linker(Linker&&) noexcept;

  // Incidents without a location get a Link with an empty segment id. With
  // `region` (for region-precision incidents) the distance is a range.
  Link link(const Incident& incident, const MultiPolygon* region = nullptr) const;

  // `date` (ISO) selects the segments' status period; options.as_of wins.
  // Undated points get the current status (the periods still open).
  PointLink link_point(LonLat p, const std::string& date) const;
  PointLink link_region(LonLat p, const MultiPolygon& region, const std::string& date) const;
  // Every point, on all cores, in blocks of kBlock handed out in turn: `sink`
  // gets each finished block (on the thread that linked it) with the
  // position of its first point, and the links are not kept, so memory does
  // not grow with the table. `dates` is empty or one per point.
  static constexpr std::size_t kBlock = 2048;
  // Points linked in spatial order at a time (two batches of links in memory).
  static constexpr std::size_t kBatch = std::size_t{1} << 18;
  using BlockSink = std::function<void(std::span<const PointLink> links, std::size_t lo)>;
  void stream_points(const std::vector<LonLat>& points, const std::vector<std::string>& dates,
                     const BlockSink& sink, LinkHint hint = {}) const;
  // The same, kept: one link per point.
  std::vector<PointLink> link_points(const std::vector<LonLat>& points,
                                     const std::vector<std::string>& dates,
                                     LinkHint hint = {}) const;
  // The country grid over `extent` (clipped to the countries), for a
  // LinkHint; null when the extent holds no country. It refers to this
  // linker: keep it no longer than the linker, and do not move the linker.
  std::unique_ptr<AreaGrid> area_grid_over(Bounds extent) const;

  // Ids of the segments some part of the region's boundary runs along
  // (within 2 km), in the status period of `date`.
  std::vector<std::string> bounding_segments(const MultiPolygon& region,
                                             const std::string& date) const;

  Link to_link(const std::string& incident_id, const PointLink& l) const;
  const std::vector<BorderSegment>& segments() const { return segments_; }
  const std::vector<Country>& countries() const;
  const LinkOptions& options() const { return options_; }

 private:
  struct Epoch;
  struct Shapes;
  struct Areas;
  void build_shapes();
  const Epoch& epoch_for(const std::string& date) const;
  // Country and enclave from the exact locator, or from `grid` when given.
  // `cells`: SegmentIndex::nearest's cell cache (for dense tables).
  PointLink link_point_in(LonLat p, const std::string& date, const AreaGrid* grid,
                          bool cells = true) const;
  AreaHit locate(LonLat p) const;
  // A hint that the nearest-segment search for p follows soon.
  void prefetch(LonLat p) const;
  // The country grid a big table of points pays for (link_points.cpp), or null.
  std::unique_ptr<AreaGrid> area_grid(const std::vector<LonLat>& points) const;
  // What every batch of stream_points shares.
  struct Batches {
    std::unique_ptr<AreaGrid> own;   // this call's grid, when no LinkHint brought one
    const AreaGrid* grid = nullptr;  // the grid used: own or the hint's; null: exact tests
    bool dense = false;              // use the cell cache
    std::size_t size = 0;
  };
  void link_block(const Batches& batches, const std::vector<LonLat>& points,
                  const std::vector<std::string>& dates, std::size_t lo, const SpatialOrder& order,
                  std::size_t k0, std::size_t k1, std::vector<PointLink>& out) const;
  void apply_side(PointLink& out, std::size_t row, const SegmentHit& h) const;
  std::int32_t country_index(const std::string& iso2) const;
  // Per segment row: the positions of country_a and country_b (-1: not loaded).
  struct Sides {
    std::int32_t a = -1, b = -1;
    bool alone = false;  // no third country's polygon within reach of its lines
  };
  Sides sides_of(const BorderSegment& s) const;
  bool side_alone(std::size_t row, const SegmentHit& h) const;
  std::vector<BorderSegment> segments_;
  std::vector<Sides> sides_;
  std::vector<std::string> cuts_;  // dates where some status period starts or ends
  std::vector<std::unique_ptr<Epoch>> epochs_;
  std::unique_ptr<Shapes> shapes_;
  std::unique_ptr<Areas> areas_;
  LinkOptions options_;
};

// The segments between two countries: the bundled named segments when there
// are any, else the shared boundary derived from the polygons (status unknown).
std::vector<BorderSegment> border_segments(const Bundle& bundle, const std::string& a,
                                           const std::string& b,
                                           const std::vector<Country>& countries);

}  // namespace bm
