#include "geom/strtree.hpp"

#include <geos_c.h>

#include "core/error.hpp"
#include "geom/geos.hpp"

namespace bm::geos {
namespace {

Geom rectangle(const Bounds& b) {
  return checked(GEOSGeom_createRectangle_r(context(), b.min_lon, b.min_lat, b.max_lon, b.max_lat),
                 "rectangle");
}

struct QueryState {
  const std::size_t* base;
  std::vector<std::size_t>* out;
};

void collect(void* item, void* userdata) {
  auto* st = static_cast<QueryState*>(userdata);
  st->out->push_back(static_cast<std::size_t>(static_cast<const std::size_t*>(item) - st->base));
}

struct NearestState {
  const std::size_t* base;
  const std::function<double(std::size_t)>* distance;
};

// GEOS calls this with (tree item, query item) in either order; the query
// item is the null pointer.
int item_distance(const void* a, const void* b, double* d, void* userdata) {
  auto* st = static_cast<NearestState*>(userdata);
  const void* item = a ? a : b;
  *d = (*st->distance)(static_cast<std::size_t>(static_cast<const std::size_t*>(item) - st->base));
  return 1;
}

}  // namespace

BoxTree::BoxTree(const std::vector<Bounds>& boxes) : size_(boxes.size()), ids_(boxes.size()) {
  tree_ = GEOSSTRtree_create_r(context(), 10);
  if (!tree_) throw GeometryError("GEOS: cannot create an STRtree");
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    ids_[i] = i;
    Geom r = rectangle(boxes[i]);
    GEOSSTRtree_insert_r(context(), tree_, r.get(), &ids_[i]);  // the tree copies the envelope
  }
  // GEOS builds the tree lazily on the first query; do it now so that later
  // queries from several threads only read it.
  if (size_ > 0) {
    std::vector<std::size_t> ignore;
    query(boxes[0], ignore);
  }
}

BoxTree::~BoxTree() {
  if (tree_) GEOSSTRtree_destroy_r(context(), tree_);
}

void BoxTree::query(const Bounds& box, std::vector<std::size_t>& out) const {
  if (size_ == 0) return;
  Geom r = rectangle(box);
  QueryState st{ids_.data(), &out};
  GEOSSTRtree_query_r(context(), tree_, r.get(), collect, &st);
}

std::size_t BoxTree::nearest(LonLat p, const std::function<double(std::size_t)>& distance) const {
  if (size_ == 0) throw GeometryError("nearest item of an empty tree");
  Geom pt = make_point(p);
  NearestState st{ids_.data(), &distance};
  const void* found =
      GEOSSTRtree_nearest_generic_r(context(), tree_, nullptr, pt.get(), item_distance, &st);
  if (!found) throw GeometryError("GEOS: STRtree nearest failed");
  return static_cast<std::size_t>(static_cast<const std::size_t*>(found) - ids_.data());
}

}  // namespace bm::geos
