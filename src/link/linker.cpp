#include "link/linker.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <unordered_map>

#include "geodata/world_borders.hpp"
#include "geom/border.hpp"
#include "geom/locator.hpp"
#include "link/segment_index.hpp"

namespace bm {
namespace {

// Region boundary points this close to a segment count as bounded by it.
constexpr double kBoundsRegionM = 2000;
// Within this distance of a segment that knows its sides, the side decides
// the country: the 1:10m polygons are kilometres off near borders, the
// OSM-derived segments about 10 m. Farther out the polygons are right.
constexpr double kSideReachM = 25000;
// Metres in a degree of latitude, rounded down (a safe lower bound).
constexpr double kDegreeM = 110500;

bool same_lines(const std::vector<Line>& a, const std::vector<Line>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].size() != b[i].size()) return false;
    for (std::size_t k = 0; k < a[i].size(); ++k)
      if (a[i][k].lon != b[i][k].lon || a[i][k].lat != b[i][k].lat) return false;
  }
  return true;
}

}  // namespace

// Which segment rows are in force during one stretch of time between status
// changes: per shape of each index, the row (its rank), or -1.
struct Linker::Epoch {
  std::vector<std::int32_t> all;
  std::vector<std::int32_t> disputed;
};

// Segment rows with the same id and lines (one segment's status periods)
// share one shape in the indexes: periods are attributes, not geometry.
struct Linker::Shapes {
  std::vector<std::size_t> first_row;  // shape -> a row holding its lines
  std::vector<std::size_t> of_row;     // row -> shape
  std::vector<std::size_t> disputed;   // disputed index position -> shape
  std::unique_ptr<SegmentIndex> all_index, disputed_index;
};

struct Linker::Areas {
  std::vector<Country> countries;
  Locator locator;
  std::unordered_map<std::string, std::int32_t> index;  // iso2 -> position
  explicit Areas(std::vector<Country> c) : countries(std::move(c)), locator(named(countries)) {
    for (std::size_t i = 0; i < countries.size(); ++i)
      index.emplace(countries[i].iso2, static_cast<std::int32_t>(i));
  }
  static std::vector<NamedArea> named(const std::vector<Country>& cs) {
    std::vector<NamedArea> out;
    for (const auto& c : cs) out.push_back({c.iso2, &c.area});
    return out;
  }
};

Linker::Linker(std::vector<BorderSegment> segments, std::vector<Country> countries,
               LinkOptions options)
    : segments_(std::move(segments)),
      areas_(std::make_unique<Areas>(std::move(countries))),
      options_(std::move(options)) {
  for (const auto& s : segments_) {
    if (!s.valid_from.empty()) cuts_.push_back(s.valid_from);
    if (!s.valid_to.empty()) cuts_.push_back(s.valid_to);
  }
  std::sort(cuts_.begin(), cuts_.end());
  cuts_.erase(std::unique(cuts_.begin(), cuts_.end()), cuts_.end());
  build_shapes();
  for (const auto& s : segments_) sides_.push_back(sides_of(s));
  // Epoch k starts at cuts_[k-1] (epoch 0 before every cut).
  for (std::size_t k = 0; k <= cuts_.size(); ++k) {
    const std::string day = k == 0 ? std::string("0000-01-01") : cuts_[k - 1];
    auto e = std::make_unique<Epoch>();
    e->all.assign(shapes_->first_row.size(), -1);
    std::vector<std::int32_t> disputed_row(shapes_->first_row.size(), -1);
    for (std::size_t i = 0; i < segments_.size(); ++i) {
      if (!active_on(segments_[i], day)) continue;
      const std::size_t s = shapes_->of_row[i];
      const auto row = static_cast<std::int32_t>(i);
      if (e->all[s] < 0) e->all[s] = row;
      if (segments_[i].status == SegmentStatus::disputed && disputed_row[s] < 0)
        disputed_row[s] = row;
    }
    for (std::size_t s : shapes_->disputed) e->disputed.push_back(disputed_row[s]);
    epochs_.push_back(std::move(e));
  }
}

void Linker::build_shapes() {
  shapes_ = std::make_unique<Shapes>();
  Shapes& sh = *shapes_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_id;  // id -> its shapes
  std::vector<bool> ever_disputed;
  for (std::size_t i = 0; i < segments_.size(); ++i) {
    auto& mine = by_id[segments_[i].id];
    std::size_t s = sh.first_row.size();
    for (std::size_t cand : mine)
      if (same_lines(segments_[sh.first_row[cand]].lines, segments_[i].lines)) s = cand;
    if (s == sh.first_row.size()) {
      sh.first_row.push_back(i);
      mine.push_back(s);
      ever_disputed.push_back(false);
    }
    sh.of_row.push_back(s);
    if (segments_[i].status == SegmentStatus::disputed) ever_disputed[s] = true;
  }
  std::vector<const BorderSegment*> all, disputed;
  std::vector<std::ptrdiff_t> all_ids, disputed_ids;
  for (std::size_t s = 0; s < sh.first_row.size(); ++s) {
    all.push_back(&segments_[sh.first_row[s]]);
    all_ids.push_back(static_cast<std::ptrdiff_t>(s));
    if (!ever_disputed[s]) continue;
    disputed_ids.push_back(static_cast<std::ptrdiff_t>(sh.disputed.size()));
    sh.disputed.push_back(s);
    disputed.push_back(&segments_[sh.first_row[s]]);
  }
  sh.all_index = std::make_unique<SegmentIndex>(all, all_ids);
  sh.disputed_index = std::make_unique<SegmentIndex>(disputed, disputed_ids);
}

Linker::~Linker() = default;
Linker::Linker(Linker&&) noexcept = default;

const std::vector<Country>& Linker::countries() const { return areas_->countries; }

// The segment's countries, and whether no other country's polygon part
// comes within kSideReachM of its lines (a box grown by at least that much;
// near the poles or the antimeridian the answer is "not alone").
Linker::Sides Linker::sides_of(const BorderSegment& s) const {
  Sides out{country_index(s.country_a), country_index(s.country_b), false};
  if (!options_.a_left) return out;
  const Bounds b = bounds_of(s.lines);
  if (b.empty()) return out;
  const double lat = std::max(std::abs(b.min_lat), std::abs(b.max_lat)) + kSideReachM / kDegreeM;
  if (lat >= 80) return out;
  const double dlat = kSideReachM / kDegreeM * 1.01;
  const double dlon = dlat / std::cos(lat * std::numbers::pi / 180);
  const Bounds grown{b.min_lon - dlon, b.min_lat - dlat, b.max_lon + dlon, b.max_lat + dlat};
  if (grown.min_lon < -180 || grown.max_lon > 180) return out;
  out.alone = !areas_->locator.others_meet(grown, out.a, out.b);
  return out;
}

std::int32_t Linker::country_index(const std::string& iso2) const {
  auto at = areas_->index.find(iso2);
  return at == areas_->index.end() ? -1 : at->second;
}

const Linker::Epoch& Linker::epoch_for(const std::string& date) const {
  const std::string& d = options_.as_of.empty() ? date : options_.as_of;
  if (d.empty()) return *epochs_.back();
  auto k = std::upper_bound(cuts_.begin(), cuts_.end(), d) - cuts_.begin();
  return *epochs_[static_cast<std::size_t>(k)];
}

AreaHit Linker::locate(LonLat p) const {
  Location where = areas_->locator.locate(p);
  AreaHit hit;
  for (std::size_t i = 0; i < areas_->countries.size() && !where.code.empty(); ++i)
    if (areas_->countries[i].iso2 == where.code) {
      hit.area = static_cast<std::int32_t>(i);
      break;
    }
  hit.enclave = where.enclave;
  return hit;
}

PointLink Linker::link_point(LonLat p, const std::string& date) const {
  return link_point_in(p, date, nullptr);
}

PointLink Linker::link_point_in(LonLat p, const std::string& date, const AreaGrid* grid,
                                bool cells) const {
  PointLink out;
  const Epoch& e = epoch_for(date);
  SegmentHit h = shapes_->all_index->nearest(p, e.all.data(), cells);
  out.segment = static_cast<std::int32_t>(h.segment);
  out.distance_m = h.distance_m;
  out.nearest = h.point;
  SegmentHit d = shapes_->disputed_index->nearest(p, e.disputed.data(), cells);
  out.disputed = static_cast<std::int32_t>(d.segment);
  out.disputed_distance_m = d.distance_m;
  out.disputed_nearest = d.point;
  if (h.segment >= 0 && side_alone(static_cast<std::size_t>(h.segment), h)) {
    const Sides& s = sides_[static_cast<std::size_t>(h.segment)];
    out.country = h.side > 0 ? s.a : s.b;
    out.in_enclave = areas_->locator.in_minor_part(static_cast<std::size_t>(out.country), p);
  } else {
    const AreaHit where = grid ? grid->locate(p) : locate(p);
    out.country = where.area;
    out.in_enclave = where.enclave;
    if (h.segment >= 0) apply_side(out, static_cast<std::size_t>(h.segment), h);
  }
  out.within_zone = out.segment >= 0 && out.distance_m <= options_.within_m;
  return out;
}

// Whether the side of segment row `row` gives the country with no polygon
// test: the polygons could only agree with it or say "none" (apply_side
// then takes the side), since no third country comes within reach.
bool Linker::side_alone(std::size_t row, const SegmentHit& h) const {
  return options_.a_left && h.side != 0 && h.distance_m <= kSideReachM && sides_[row].alone &&
         (h.side > 0 ? sides_[row].a : sides_[row].b) >= 0;
}

// Near a segment that knows its sides, the side of the point is its
// country, unless the polygons put it in a third country (a segment of that
// country's own border is then the one to trust, and may not be loaded).
void Linker::apply_side(PointLink& out, std::size_t row, const SegmentHit& h) const {
  if (!options_.a_left || h.side == 0 || h.distance_m > kSideReachM) return;
  const Sides& s = sides_[row];
  if (out.country >= 0 && out.country != s.a && out.country != s.b) return;
  const std::int32_t side_says = h.side > 0 ? s.a : s.b;
  if (side_says < 0 || side_says == out.country) return;
  out.country = side_says;
  out.in_enclave = false;  // the polygon's enclave flag was for the other country
}

PointLink Linker::link_region(LonLat p, const MultiPolygon& region, const std::string& date) const {
  // The point stands for the whole region: the distance runs from the
  // region's nearest boundary point to its farthest one.
  PointLink out = link_point(p, date);
  const Epoch& e = epoch_for(date);
  double lo = -1, hi = -1;
  for (const auto& poly : region)
    for (const auto& ring : poly.rings)
      for (const auto& v : ring) {
        SegmentHit h = shapes_->all_index->nearest(v, e.all.data());
        if (h.segment < 0) continue;
        if (lo < 0 || h.distance_m < lo) {
          lo = h.distance_m;
          out.segment = static_cast<std::int32_t>(h.segment);
          out.nearest = h.point;
        }
        hi = std::max(hi, h.distance_m);
        SegmentHit d = shapes_->disputed_index->nearest(v, e.disputed.data());
        if (d.segment >= 0 && d.distance_m < out.disputed_distance_m) {
          out.disputed = static_cast<std::int32_t>(d.segment);
          out.disputed_distance_m = d.distance_m;
          out.disputed_nearest = d.point;
        }
      }
  if (lo < 0) return out;
  out.distance_m = lo <= kBoundsRegionM ? 0 : lo;
  out.distance_max_m = hi;
  out.within_zone = out.distance_m <= options_.within_m;
  return out;
}

void Linker::prefetch(LonLat p) const { shapes_->all_index->prefetch(p); }

Link Linker::to_link(const std::string& incident_id, const PointLink& l) const {
  Link out;
  out.incident_id = incident_id;
  if (l.segment >= 0) {
    const BorderSegment& s = segments_[static_cast<std::size_t>(l.segment)];
    out.segment_id = s.id;
    out.segment_status = s.status;
  }
  out.distance_m = l.distance_m;
  out.distance_max_m = l.distance_max_m;
  out.nearest = l.nearest;
  if (l.disputed >= 0) out.disputed_segment_id = segments_[static_cast<std::size_t>(l.disputed)].id;
  out.disputed_distance_m = l.disputed_distance_m;
  out.disputed_nearest = l.disputed_nearest;
  if (l.country >= 0) out.country = areas_->countries[static_cast<std::size_t>(l.country)].iso2;
  out.in_enclave = l.in_enclave;
  out.within_zone = l.within_zone;
  return out;
}

std::vector<std::string> Linker::bounding_segments(const MultiPolygon& region,
                                                   const std::string& date) const {
  std::vector<std::string> ids;
  const Epoch& e = epoch_for(date);
  for (const auto& poly : region)
    for (const auto& ring : poly.rings)
      for (const auto& v : ring) {
        SegmentHit h = shapes_->all_index->nearest(v, e.all.data());
        if (h.segment < 0 || h.distance_m > kBoundsRegionM) continue;
        const std::string& id = segments_[static_cast<std::size_t>(h.segment)].id;
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
      }
  return ids;
}

Link Linker::link(const Incident& incident, const MultiPolygon* region) const {
  if (!incident.location) {
    Link out;
    out.incident_id = incident.id;
    return out;
  }
  const bool as_region = region && incident.precision == GeoPrecision::region;
  PointLink l = as_region ? link_region(*incident.location, *region, incident.date.start)
                          : link_point(*incident.location, incident.date.start);
  Link out = to_link(incident.id, l);
  if (as_region) out.bounding_segment_ids = bounding_segments(*region, incident.date.start);
  return out;
}

std::vector<BorderSegment> border_segments(const Bundle& bundle, const std::string& a,
                                           const std::string& b,
                                           const std::vector<Country>& countries) {
  std::vector<BorderSegment> out;
  out = has_world_borders(bundle) ? world_segments_between(bundle, a, b)
                                  : std::vector<BorderSegment>{};
  if (out.empty())
    for (auto& s : bundle.segments())
      if ((s.country_a == a && s.country_b == b) || (s.country_a == b && s.country_b == a))
        out.push_back(std::move(s));
  if (!out.empty()) return out;
  const Country* ca = nullptr;
  const Country* cb = nullptr;
  for (const auto& c : countries) {
    if (c.iso2 == a) ca = &c;
    if (c.iso2 == b) cb = &c;
  }
  if (!ca || !cb) return out;
  BorderSegment s;
  s.id = a + "-" + b;
  s.name = ca->name + " – " + cb->name + " border";
  s.country_a = a;
  s.country_b = b;
  s.lines = shared_boundary(ca->area, cb->area);
  s.source = "derived: shared boundary of the Natural Earth polygons";
  if (s.lines.empty()) return out;
  out.push_back(std::move(s));
  return out;
}

}  // namespace bm
