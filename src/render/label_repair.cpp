#include "render/label_repair.hpp"

#include <algorithm>
#include <cmath>

#include "render/box_index.hpp"

namespace bm {
namespace {

// The placed labels on a grid of cells, by their index in `placed`; unlike
// BoxIndex a label can leave (when it moves) and come back elsewhere.
class LabelGrid {
 public:
  LabelGrid(const Box& frame, const std::vector<PlacedLabel>& placed)
      : frame_(frame),
        nx_(cells_along(frame.x1 - frame.x0)),
        ny_(cells_along(frame.y1 - frame.y0)),
        cells_(nx_ * ny_),
        placed_(placed) {}
  void add(std::size_t id) {
    each_cell(placed_[id].box, [&](std::vector<std::size_t>& v) { v.push_back(id); });
  }
  void remove(std::size_t id) {
    each_cell(placed_[id].box, [&](std::vector<std::size_t>& v) { std::erase(v, id); });
  }
  // The labels whose boxes overlap `b`, each once.
  std::vector<std::size_t> overlapping(const Box& b) {
    std::vector<std::size_t> out;
    each_cell(b, [&](std::vector<std::size_t>& v) {
      for (std::size_t id : v)
        if (placed_[id].box.overlaps(b) && std::find(out.begin(), out.end(), id) == out.end())
          out.push_back(id);
    });
    return out;
  }

 private:
  static constexpr double kCell = 32;
  static std::size_t cells_along(double extent) {
    return static_cast<std::size_t>(std::max(1.0, std::ceil(extent / kCell)));
  }
  std::size_t cell(double v, double origin, std::size_t n) const {
    const double k = std::floor((v - origin) / kCell);
    if (!(k > 0)) return 0;
    return std::min(n - 1, static_cast<std::size_t>(k));
  }
  template <class F>
  void each_cell(const Box& b, F f) {
    for (std::size_t y = cell(b.y0, frame_.y0, ny_); y <= cell(b.y1, frame_.y0, ny_); ++y)
      for (std::size_t x = cell(b.x0, frame_.x0, nx_); x <= cell(b.x1, frame_.x0, nx_); ++x)
        f(cells_[y * nx_ + x]);
  }
  Box frame_;
  std::size_t nx_, ny_;
  std::vector<std::vector<std::size_t>> cells_;
  const std::vector<PlacedLabel>& placed_;
};

using Moves = std::vector<std::pair<std::size_t, Box>>;  // a label and where it was

// How far a chain of moves may reach: the label in the way, and this many
// more each pushing the next (deeper placed no more on the Mapnik map).
constexpr int kDepth = 3;
// Moves tried, per label left out and per map: the chains branch, and a map
// crowded far past what fits (thousands of labels left out) must stay
// quick. The Mapnik map's 1,000 labels need 1,400 in all (at most 500 for
// one label); 2,000 labels on it, 130,000.
constexpr long kMovesPerLabel = 4000;
constexpr long kMovesPerMap = 300000;

struct Repair {
  const Canvas& c;
  Placement& out;
  BoxIndex fixed;  // symbols and furniture: never move
  LabelGrid labels;
  bool slide = !c.style.leader_lines;
  long map_moves = kMovesPerMap, label_moves = 0;

  Repair(const Canvas& canvas, Placement& placement)
      : c(canvas), out(placement), fixed(canvas.frame, 32), labels(canvas.frame, placement.placed) {
    for (const Box& o : c.obstacles) fixed.add(o);
    for (std::size_t i = 0; i < out.placed.size(); ++i) labels.add(i);
  }

  bool clear_of_fixed(const Box& b) const { return b.inside(c.frame) && !fixed.hits(b); }

  // Moves placed label `id` to another of its places clear of everything
  // and of the `reserved` boxes, pushing on (up to `depth` more labels) a
  // single label in its way. Every move is logged in `moved`; on false
  // nothing has moved.
  bool move_away(std::size_t id, std::vector<Box>& reserved, int depth, Moves& moved) {
    if (map_moves <= 0 || label_moves <= 0) return false;  // spent: tried as if nothing could move
    --map_moves, --label_moves;
    PlacedLabel& p = out.placed[id];
    if (p.leader || p.request->centred) return false;
    const Box was = p.box;
    labels.remove(id);
    for (const Box& b : beside_candidates(*p.request, was.x1 - was.x0, was.y1 - was.y0, slide)) {
      if (!clear_of_fixed(b) || std::any_of(reserved.begin(), reserved.end(),
                                            [&](const Box& k) { return k.overlaps(b); }))
        continue;
      const std::vector<std::size_t> in_way = labels.overlapping(b);
      if (in_way.size() > 1 || (!in_way.empty() && depth == 0)) continue;
      if (!in_way.empty()) {
        reserved.push_back(b);
        const bool pushed = move_away(in_way[0], reserved, depth - 1, moved);
        reserved.pop_back();
        if (!pushed) continue;
      }
      p.box = b;
      labels.add(id);
      moved.emplace_back(id, was);
      return true;
    }
    labels.add(id);
    return false;
  }

  void undo(Moves& moved) {
    for (auto it = moved.rbegin(); it != moved.rend(); ++it) {
      labels.remove(it->first);
      out.placed[it->first].box = it->second;
      labels.add(it->first);
    }
    moved.clear();
  }

  // Takes `spot` for a new label if the labels in its way (at most two)
  // can all move; undoes the moves otherwise.
  bool clear_spot(const Box& spot) {
    const std::vector<std::size_t> in_way = labels.overlapping(spot);
    if (in_way.size() > 2) return false;
    std::vector<Box> reserved{spot};
    Moves moved;
    for (std::size_t id : in_way)
      if (!move_away(id, reserved, kDepth, moved)) {
        undo(moved);
        return false;
      }
    return true;
  }

  bool place(const LabelRequest* r, const std::string& text) {
    label_moves = kMovesPerLabel;
    const XY size = label_box_size(c, *r, text);
    for (const Box& spot : beside_candidates(*r, size.x, size.y, slide)) {
      if (!clear_of_fixed(spot) || !clear_spot(spot)) continue;
      out.placed.push_back({r, spot, text, false});
      labels.add(out.placed.size() - 1);
      return true;
    }
    return false;
  }
};

}  // namespace

void repair_placement(const Canvas& c, Placement& out) {
  if (out.unplaced.empty()) return;
  Repair repair(c, out);
  // Each label placed moves others: a label left out may fit on a later round.
  for (std::size_t before = 0; before != out.unplaced.size();) {
    before = out.unplaced.size();
    std::vector<const LabelRequest*> still;
    for (const LabelRequest* r : out.unplaced) {
      if (!r->centred && repair.place(r, r->text)) continue;
      if (!r->centred && !r->short_text.empty() && repair.place(r, r->short_text)) continue;
      still.push_back(r);
    }
    out.unplaced = std::move(still);
  }
}

}  // namespace bm
