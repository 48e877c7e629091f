// Finding the cluster a detail inset magnifies: spots linked when their
// symbols overlap or lie within kTightPoints of each other.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "render/detail.hpp"
#include "render/layers.hpp"

namespace bm {
namespace {

// Incidents at one spot share a symbol and a label: magnifying cannot part
// them, so the rule counts spots, not incidents.
struct Spot {
  XY at;
  double r = 0;  // the largest symbol drawn there
  std::vector<const MapIncident*> members;
};

// Grid cells keyed by (column, row): looked up, never walked in order.
struct CellHash {
  std::size_t operator()(const std::pair<long, long>& k) const {
    return std::hash<long>()(k.first * 1000003L ^ k.second);
  }
};
template <class T>
using CellMap = std::unordered_map<std::pair<long, long>, T, CellHash>;

std::vector<Spot> spots_of(const Viewport& v, const Style& style, const MapData& shown) {
  CellMap<std::size_t> at;  // half-point grid -> spot
  std::vector<Spot> spots;
  for (const auto& mi : shown.incidents) {
    if (mi.spread() || !mi.incident->location) continue;
    XY d = device_point(v, mi);
    auto key = std::pair{std::lround(d.x * 2), std::lround(d.y * 2)};
    auto [it, fresh] = at.try_emplace(key, spots.size());
    if (fresh) spots.push_back({d, 0, {}});
    Spot& s = spots[it->second];
    s.r = std::max(s.r, symbol_radius(style, *mi.incident));
    s.members.push_back(&mi);
  }
  return spots;
}

std::size_t root(std::vector<std::size_t>& parent, std::size_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

bool linked(const Spot& a, const Spot& b) {
  return std::hypot(a.at.x - b.at.x, a.at.y - b.at.y) < std::max(kTightPoints, a.r + b.r);
}

// Connected groups of linked spots, through a grid of cells as wide as the
// longest link so that only neighbouring cells are compared.
std::vector<std::vector<std::size_t>> groups_of(const std::vector<Spot>& spots) {
  double reach = kTightPoints;
  for (const auto& s : spots) reach = std::max(reach, 2 * s.r);
  CellMap<std::vector<std::size_t>> cells;
  auto cell = [&](XY p) {
    return std::pair{std::lround(std::floor(p.x / reach)), std::lround(std::floor(p.y / reach))};
  };
  for (std::size_t i = 0; i < spots.size(); ++i) cells[cell(spots[i].at)].push_back(i);
  std::vector<std::size_t> parent(spots.size());
  std::iota(parent.begin(), parent.end(), 0);
  for (std::size_t i = 0; i < spots.size(); ++i) {
    auto [cx, cy] = cell(spots[i].at);
    for (long dx = -1; dx <= 1; ++dx)
      for (long dy = -1; dy <= 1; ++dy) {
        auto it = cells.find({cx + dx, cy + dy});
        if (it == cells.end()) continue;
        for (std::size_t j : it->second)
          if (j > i && linked(spots[i], spots[j])) parent[root(parent, i)] = root(parent, j);
      }
  }
  // Groups in the order of their roots (ties for the largest go to the first).
  std::vector<std::vector<std::size_t>> by_root(spots.size());
  for (std::size_t i = 0; i < spots.size(); ++i) by_root[root(parent, i)].push_back(i);
  std::vector<std::vector<std::size_t>> out;
  for (auto& g : by_root)
    if (!g.empty()) out.push_back(std::move(g));
  return out;
}

// More spots than this is a dense region, not a cluster an inset can show.
constexpr std::size_t kMaxSpots = 60;
constexpr double kMinZoom = 2.5;

}  // namespace

std::optional<DetailCluster> tight_cluster(const Viewport& v, const Style& style,
                                           const MapData& shown, double side) {
  std::vector<Spot> spots = spots_of(v, style, shown);
  const std::vector<std::size_t>* best = nullptr;
  auto groups = groups_of(spots);
  for (const auto& g : groups)
    if (g.size() >= 3 && g.size() <= kMaxSpots && (!best || g.size() > best->size())) best = &g;
  if (!best) return std::nullopt;
  DetailCluster k;
  k.side = side;
  k.box = {1e300, 1e300, -1e300, -1e300};
  double r = 0, closest = 1e300;
  for (std::size_t i : *best) {
    const Spot& s = spots[i];
    k.box = {std::min(k.box.x0, s.at.x), std::min(k.box.y0, s.at.y), std::max(k.box.x1, s.at.x),
             std::max(k.box.y1, s.at.y)};
    r = std::max(r, s.r);
    for (std::size_t j : *best)
      if (j > i)
        closest = std::min(closest, std::hypot(s.at.x - spots[j].at.x, s.at.y - spots[j].at.y));
    for (const MapIncident* mi : s.members) k.members.push_back(mi);
  }
  // Spread the closest spots to a readable distance, as far as the inset
  // (less room for the symbols and their numbers) holds the whole cluster.
  const double want = std::max(1.5 * kTightPoints, 2 * r + 6) / std::max(closest, 0.5);
  const double span = std::max({k.box.x1 - k.box.x0, k.box.y1 - k.box.y0, 1e-6});
  const double fit = (side - 2 * (r + 16)) / span;
  if (fit < kMinZoom) return std::nullopt;
  k.zoom = std::min(fit, std::max(kMinZoom, 1.5 * want));
  std::sort(k.members.begin(), k.members.end(),
            [](const MapIncident* a, const MapIncident* b) { return a->number < b->number; });
  return k;
}

}  // namespace bm
