// Where an area's name goes: a grid point in the visible bulk of the area.
#include <algorithm>
#include <cmath>
#include <map>

#include "render/label_requests.hpp"

namespace bm {
namespace {

// Point-in-area by even-odd crossings, answered row by row: the crossings
// of every edge with one horizontal line are found once and sorted, so a
// point costs a binary search instead of a walk over every vertex (village
// fills have hundreds of thousands). The crossing formula and the strict
// `x < crossing` test are the ray cast's own, so the answers are the same.
class AreaRows {
 public:
  AreaRows(const Canvas& c, const MultiPolygon& area) {
    for (const auto& p : area)
      for (const auto& ring : p.rings) {
        auto metres = c.view.projection().project_line(ring, 0);
        std::vector<XY> d;
        d.reserve(metres->size());
        for (const auto& m : *metres) d.push_back(c.view.to_device(m));
        rings_.push_back(std::move(d));
      }
  }

  bool inside(XY pt) {
    const std::vector<double>& xs = row(pt.y);
    auto right = xs.end() - std::upper_bound(xs.begin(), xs.end(), pt.x);
    return right % 2 == 1;
  }

 private:
  const std::vector<double>& row(double y) {
    auto [it, fresh] = rows_.try_emplace(y);
    if (!fresh) return it->second;
    std::vector<double>& xs = it->second;
    for (const auto& r : rings_)
      for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++)
        if ((r[i].y > y) != (r[j].y > y))
          xs.push_back((r[j].x - r[i].x) * (y - r[i].y) / (r[j].y - r[i].y) + r[i].x);
    std::sort(xs.begin(), xs.end());
    return xs;
  }

  std::vector<std::vector<XY>> rings_;
  std::map<double, std::vector<double>> rows_;
};

}  // namespace

// A label point for the visible part of an area: among a grid of points in
// the frame that fall inside the area, the one nearest their mean (so the
// label sits in the bulk of what the reader sees, not on a sliver).
// Returns the grid points inside the area: those where a label box of
// half-size `half` fits wholly inside first, then by nearness to the mean.
// With `within`, only points inside that area too.
std::vector<XY> visible_centre(const Canvas& c, const MultiPolygon& area, XY half,
                               const MultiPolygon* within) {
  AreaRows shape(c, area);
  AreaRows also(c, within ? *within : MultiPolygon{});
  auto inside = [&](XY pt) { return shape.inside(pt) && (!within || also.inside(pt)); };
  std::vector<XY> hits;
  const int nx = 32, ny = 22;
  for (int i = 1; i < nx; ++i)
    for (int j = 1; j < ny; ++j) {
      XY pt{c.frame.x0 + (c.frame.x1 - c.frame.x0) * i / nx,
            c.frame.y0 + (c.frame.y1 - c.frame.y0) * j / ny};
      if (inside(pt)) hits.push_back(pt);
    }
  if (hits.size() < 6) return {};  // too little of it is visible to name
  XY mean{0, 0};
  for (const auto& h : hits) mean.x += h.x, mean.y += h.y;
  mean.x /= static_cast<double>(hits.size()), mean.y /= static_cast<double>(hits.size());
  // Points where the whole label box lies inside the area come first: a
  // country's name must not straddle its border.
  auto fits = [&](XY p) {
    for (double dx : {-half.x, 0.0, half.x})
      for (double dy : {-half.y, half.y})
        if (!inside({p.x + dx, p.y + dy})) return false;
    return true;
  };
  struct Keyed {  // keys computed once per point, not per comparison
    bool fits;
    double distance;
    XY at;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(hits.size());
  for (const auto& h : hits) keyed.push_back({fits(h), std::hypot(h.x - mean.x, h.y - mean.y), h});
  std::stable_sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    if (a.fits != b.fits) return a.fits;
    return a.distance < b.distance;
  });
  for (std::size_t k = 0; k < hits.size(); ++k) hits[k] = keyed[k].at;
  return hits;
}

}  // namespace bm
