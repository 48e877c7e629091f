#include "export/rtree_pack.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

namespace bm::rtree {
namespace {

// SQLite's rtree.c: RNDTOWARDS and RNDAWAY, applied when the nearest float
// lies on the wrong side, so the stored box always covers the row's.
constexpr double kTowards = 1.0 - 1.0 / 8388608.0;
constexpr double kAway = 1.0 + 1.0 / 8388608.0;

float down(double d) {
  auto f = static_cast<float>(d);
  if (f > d) f = static_cast<float>(d * (d < 0 ? kAway : kTowards));
  return f;
}

float up(double d) {
  auto f = static_cast<float>(d);
  if (f < d) f = static_cast<float>(d * (d < 0 ? kTowards : kAway));
  return f;
}

void put_be(std::string& out, std::size_t at, std::uint64_t v, int bytes) {
  for (int k = 0; k < bytes; ++k)
    out[at + static_cast<std::size_t>(k)] = static_cast<char>((v >> (8 * (bytes - 1 - k))) & 0xff);
}

double centre_x(const Cell& c) { return (double(c.minx) + double(c.maxx)) / 2; }
double centre_y(const Cell& c) { return (double(c.miny) + double(c.maxy)) / 2; }

// Sort-tile-recursive order: vertical slices by x, each sorted by y, so
// each run of `capacity` cells is a compact tile.
void tile(std::vector<Cell>& cells, std::size_t capacity) {
  const std::size_t nodes = (cells.size() + capacity - 1) / capacity;
  const auto slices = static_cast<std::size_t>(std::ceil(std::sqrt(double(nodes))));
  const std::size_t per_slice = slices * capacity;
  auto by_x = [](const Cell& a, const Cell& b) { return centre_x(a) < centre_x(b); };
  auto by_y = [](const Cell& a, const Cell& b) { return centre_y(a) < centre_y(b); };
  std::sort(cells.begin(), cells.end(), by_x);
  for (std::size_t at = 0; at < cells.size(); at += per_slice) {
    auto end = cells.begin() + static_cast<std::ptrdiff_t>(std::min(cells.size(), at + per_slice));
    std::sort(cells.begin() + static_cast<std::ptrdiff_t>(at), end, by_y);
  }
}

Cell cover(std::int64_t id, const Cell* first, const Cell* last) {
  Cell c{id, std::numeric_limits<float>::max(), std::numeric_limits<float>::lowest(),
         std::numeric_limits<float>::max(), std::numeric_limits<float>::lowest()};
  for (const Cell* p = first; p != last; ++p) {
    c.minx = std::min(c.minx, p->minx);
    c.maxx = std::max(c.maxx, p->maxx);
    c.miny = std::min(c.miny, p->miny);
    c.maxy = std::max(c.maxy, p->maxy);
  }
  return c;
}

}  // namespace

Cell box_of(std::int64_t id, double minx, double maxx, double miny, double maxy) {
  return {id, down(minx), up(maxx), down(miny), up(maxy)};
}

std::string node_blob(const Node& node, std::size_t node_size) {
  std::string out(node_size, '\0');
  if (node.number == 1) put_be(out, 0, static_cast<std::uint64_t>(node.depth), 2);
  put_be(out, 2, node.cells.size(), 2);
  std::size_t at = 4;
  for (const Cell& c : node.cells) {
    put_be(out, at, static_cast<std::uint64_t>(c.id), 8);
    at += 8;
    for (float v : {c.minx, c.maxx, c.miny, c.maxy}) {
      put_be(out, at, std::bit_cast<std::uint32_t>(v), 4);
      at += 4;
    }
  }
  return out;
}

void pack(std::vector<Cell> cells, std::size_t capacity, const std::function<void(Node&&)>& emit) {
  std::int64_t next = 2;  // 1 is the root's
  int depth = 0;
  while (cells.size() > capacity) {
    tile(cells, capacity);
    std::vector<Cell> parents;
    for (std::size_t at = 0; at < cells.size(); at += capacity) {
      const Cell* first = cells.data() + at;
      const Cell* last = cells.data() + std::min(cells.size(), at + capacity);
      parents.push_back(cover(next++, first, last));
      emit(Node{parents.back().id, depth, std::vector<Cell>(first, last)});
    }
    cells = std::move(parents);
    ++depth;
  }
  emit(Node{1, depth, std::move(cells)});
}

}  // namespace bm::rtree
