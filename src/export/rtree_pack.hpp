#pragma once
// SQLite R*Tree nodes packed from a table's boxes (sort-tile-recursive):
// what `INSERT INTO rtree SELECT ...` would index, built in one pass
// instead of one R*Tree insert per row (gpkg_rtree.hpp says why).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace bm::rtree {

// One cell: a row id (leaves) or a child node number, and its box as the
// R*Tree stores it (32-bit floats rounded outwards, `box_of`).
struct Cell {
  std::int64_t id = 0;
  float minx = 0, maxx = 0, miny = 0, maxy = 0;
};

// The box of a row, rounded as SQLite's rtree module rounds a double:
// the minimum down and the maximum up to the next float.
Cell box_of(std::int64_t id, double minx, double maxx, double miny, double maxy);

// One node to store: its number and its cells, whose ids are rows in a
// leaf (depth 0) and child nodes above.
struct Node {
  std::int64_t number = 0;
  int depth = 0;  // 0 for a leaf, whose cells are rows; the root stores its own
  std::vector<Cell> cells;
};

// The node's blob as the rtree module reads it: a 2-byte depth (root only),
// a 2-byte cell count, then per cell an 8-byte id and four floats, all big
// endian, zero-padded to `node_size` bytes.
std::string node_blob(const Node& node, std::size_t node_size);

// Packs `cells` into full nodes, level by level, and hands each node to
// `emit`, the root (number 1) last.
// `capacity`: cells per node, (node_size - 4) / 24.
void pack(std::vector<Cell> cells, std::size_t capacity, const std::function<void(Node&&)>& emit);

}  // namespace bm::rtree
