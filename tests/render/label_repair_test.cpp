#include <catch2/catch.hpp>

#include <cairo.h>

#include <random>

#include "render/labels.hpp"
#include "render/projection.hpp"
#include "render/style.hpp"

namespace {

// A 400 x 300 image canvas with the like-for-like style's rule: no leader lines.
struct Scene {
  bm::Bounds extent{69, 39, 70, 40};
  bm::Projection proj{"EPSG:4326", extent};
  bm::Viewport view{proj, extent, 0, 0, 400, 300};
  bm::Style style = bm::load_style("report");
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 400, 300);
  cairo_t* cr = cairo_create(surface);
  Scene() { style.leader_lines = false; }
  ~Scene() {
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
  }
  bm::Canvas canvas() { return bm::Canvas{cr, view, style, {0, 0, 400, 300}, {}}; }
};

bm::LabelRequest label(const std::string& text, bm::XY at, int priority) {
  bm::LabelRequest r;
  r.text = text;
  r.anchor = at;
  r.priority = priority;
  return r;
}

const bm::PlacedLabel* placed(const bm::Placement& p, const std::string& text) {
  for (const auto& l : p.placed)
    if (l.text == text) return &l;
  return nullptr;
}

}  // namespace

TEST_CASE("a label blocked only by another label moves it aside and takes the spot",
          "[render][labels]") {
  Scene s;
  bm::Canvas c = s.canvas();
  // A's long label goes right of A (the first choice). Every place beside B
  // is either under the obstacle below or under A's label: greedy alone
  // leaves B out, though A's label could as well stand left of A.
  const bm::LabelRequest a0 = label("Incident twenty-one", {100, 100}, 2);
  const bm::XY ha = bm::label_box_size(c, a0, a0.text), hb = bm::label_box_size(c, a0, "B");
  const bm::XY b_at{102 + ha.x / 2, 100 + ha.y / 2 + 2 + hb.y / 2};
  c.obstacles.push_back({0, b_at.y - 1, 400, 300});
  const std::vector<bm::LabelRequest> requests{a0, label("B", b_at, 1)};
  const bm::Placement p = bm::place_labels(c, requests);
  REQUIRE(p.unplaced.empty());
  const bm::PlacedLabel *a = placed(p, a0.text), *b = placed(p, "B");
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->box.x1 <= 100);  // moved to the left of its symbol
  CHECK_FALSE(a->box.overlaps(b->box));
  CHECK_FALSE(b->box.overlaps(c.obstacles[0]));
}

TEST_CASE("a crowded field places labels beside their own symbols, none overlapping",
          "[render][labels]") {
  Scene s;
  bm::Canvas c = s.canvas();
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> x(5, 395), y(5, 295);
  std::vector<bm::LabelRequest> requests;
  for (int i = 0; i < 150; ++i) {
    requests.push_back(label("Incident " + std::to_string(i), {x(rng), y(rng)}, 100));
    requests.back().radius = 2;
    const bm::XY a = requests.back().anchor;
    c.obstacles.push_back({a.x - 2, a.y - 2, a.x + 2, a.y + 2});  // its symbol
  }
  const bm::Placement p = bm::place_labels(c, requests);
  INFO(p.placed.size() << " of " << requests.size() << " placed");
  CHECK(p.placed.size() + p.unplaced.size() == requests.size());
  CHECK(p.placed.size() > 110);
  CHECK_FALSE(p.unplaced.empty());  // crowded: the test exercises the repair
  for (std::size_t i = 0; i < p.placed.size(); ++i) {
    const bm::Box& b = p.placed[i].box;
    CHECK(b.inside(c.frame));
    for (std::size_t j = i + 1; j < p.placed.size(); ++j) CHECK_FALSE(b.overlaps(p.placed[j].box));
    for (const bm::Box& o : c.obstacles) CHECK_FALSE(b.overlaps(o));
    // Beside its symbol (slid at most half its size along it): the box grown
    // by the symbol's gap and half its own size reaches the point.
    const bm::XY a = p.placed[i].request->anchor;
    const double gap = p.placed[i].request->radius + 2 + 1e-9;
    const double gx = gap + (b.x1 - b.x0) / 2, gy = gap + (b.y1 - b.y0) / 2;
    CHECK(a.x >= b.x0 - gx);
    CHECK(a.x <= b.x1 + gx);
    CHECK(a.y >= b.y0 - gy);
    CHECK(a.y <= b.y1 + gy);
  }
}
