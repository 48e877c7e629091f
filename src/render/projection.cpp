#include "render/projection.hpp"

#include <proj.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "io/values.hpp"

namespace bm {

struct Projection::Impl {
  PJ_CONTEXT* ctx = nullptr;
  PJ* pj = nullptr;
  std::thread::id owner = std::this_thread::get_id();
  ~Impl() {
    if (pj) proj_destroy(pj);
    if (ctx) proj_context_destroy(ctx);
  }
};

namespace {

// PROJ objects must not be shared between threads: another thread (a PNG
// band, see surface.cpp) uses its own clone, made on first use and freed
// when the thread ends. Threads end before the Projection they cloned.
struct ThreadClones {
  std::vector<std::pair<const void*, std::pair<PJ_CONTEXT*, PJ*>>> items;
  ThreadClones() = default;
  ThreadClones(const ThreadClones&) = delete;
  ThreadClones& operator=(const ThreadClones&) = delete;
  ~ThreadClones() {
    for (auto& [key, clone] : items) {
      proj_destroy(clone.second);
      proj_context_destroy(clone.first);
    }
  }
};
thread_local ThreadClones clones;

bool is_name_lookup(const std::string& crs) {
  bool auth_code = crs.find(':') != std::string::npos && crs.find(' ') == std::string::npos;
  return !auth_code && crs[0] != '+' && crs.rfind("proj=", 0) != 0 &&
         crs.find_first_of("[{") == std::string::npos;
}

// PROJ takes a CRS name by approximate match ("foo" is Amersfoort) and
// accepts geocentric CRSs; a map needs the CRS the user named, in 2D.
void check_map_crs(PJ_CONTEXT* ctx, const std::string& crs) {
  PJ* obj = proj_create(ctx, crs.c_str());
  if (!obj) return;  // proj_create_crs_to_crs reports it
  std::string found = proj_get_name(obj) ? proj_get_name(obj) : "";
  PJ_TYPE type = proj_get_type(obj);
  proj_destroy(obj);
  if (is_name_lookup(crs) && io::lower(crs) != io::lower(found))
    throw UsageError("projection '" + crs + "' is not a CRS name (PROJ's nearest is '" + found +
                     "') — give EPSG:xxxx, a PROJ string or the exact name");
  if (type == PJ_TYPE_GEOCENTRIC_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS ||
      type == PJ_TYPE_VERTICAL_CRS || type == PJ_TYPE_ENGINEERING_CRS)
    throw UsageError("projection '" + crs +
                     "' is not a 2D map projection — give a projected or geographic 2D CRS");
}

// proj_create_crs_to_crs looks both CRSs up in PROJ's database (a few ms
// each time); the maps of one definition (small multiples, sheet cells)
// clone the first one's transformation instead. A few definitions kept.
class Prototypes {
  struct Prototype {
    PJ_CONTEXT* ctx = proj_context_create();
    PJ* pj = nullptr;
    Prototype() { proj_log_level(ctx, PJ_LOG_NONE); }
    Prototype(const Prototype&) = delete;
    Prototype& operator=(const Prototype&) = delete;
    ~Prototype() {
      if (pj) proj_destroy(pj);
      proj_context_destroy(ctx);
    }
  };

 public:
  PJ* clone(PJ_CONTEXT* ctx, const std::string& definition) {
    std::lock_guard lock(mutex_);
    for (const auto& [def, proto] : items_)
      if (def == definition) return proj_clone(ctx, proto->pj);
    return nullptr;
  }
  void keep(const std::string& definition, const PJ* pj) {
    auto proto = std::make_unique<Prototype>();
    proto->pj = proj_clone(proto->ctx, pj);
    if (!proto->pj) return;  // only speed is lost
    std::lock_guard lock(mutex_);
    items_.emplace_back(definition, std::move(proto));
    if (items_.size() > 4) items_.pop_front();
  }

 private:
  std::mutex mutex_;
  std::deque<std::pair<std::string, std::unique_ptr<Prototype>>> items_;
};

Prototypes& prototypes() {
  static Prototypes p;
  return p;
}

// A new transformation from lon/lat to `definition`, in lon/lat order.
PJ* create_transform(PJ_CONTEXT* ctx, const std::string& definition, bool user_crs) {
  if (PJ* copy = prototypes().clone(ctx, definition)) return copy;
  if (user_crs) check_map_crs(ctx, definition);
  PJ* raw = proj_create_crs_to_crs(ctx, "EPSG:4326", definition.c_str(), nullptr);
  if (!raw)
    throw UsageError("projection '" + definition + "' is not understood by PROJ (" +
                     proj_context_errno_string(ctx, proj_context_errno(ctx)) + ")");
  PJ* pj = proj_normalize_for_visualization(ctx, raw);
  proj_destroy(raw);
  if (!pj)
    throw UsageError("projection '" + definition + "' cannot be normalised to lon/lat order");
  prototypes().keep(definition, pj);
  return pj;
}

}  // namespace

const PJconsts* Projection::pj() const {
  if (std::this_thread::get_id() == impl_->owner) return impl_->pj;
  for (const auto& [key, clone] : clones.items)
    if (key == impl_.get()) return clone.second;
  PJ_CONTEXT* ctx = proj_context_create();
  proj_log_level(ctx, PJ_LOG_NONE);
  PJ* copy = proj_clone(ctx, impl_->pj);
  if (!copy) {
    proj_context_destroy(ctx);
    throw RenderError("projection '" + definition_ + "': PROJ could not copy it for a thread");
  }
  clones.items.push_back({impl_.get(), {ctx, copy}});
  return copy;
}

Projection::Projection(const std::string& crs, const Bounds& extent)
    : impl_(std::make_unique<Impl>()) {
  if (crs.empty()) {
    double lon0 = (extent.min_lon + extent.max_lon) / 2,
           lat0 = (extent.min_lat + extent.max_lat) / 2;
    char buf[160];
    std::snprintf(buf, sizeof buf,
                  "+proj=laea +lat_0=%.4f +lon_0=%.4f +datum=WGS84 +units=m +no_defs", lat0, lon0);
    definition_ = buf;
  } else {
    definition_ = crs;
  }
  impl_->ctx = proj_context_create();
  proj_log_level(impl_->ctx, PJ_LOG_NONE);  // errors are reported by the exception below
  impl_->pj = create_transform(impl_->ctx, definition_, !crs.empty());
  memo_ = memo_for(definition_);
}

Projection::~Projection() = default;
Projection::Projection(Projection&&) noexcept = default;
Projection& Projection::operator=(Projection&&) noexcept = default;

XY Projection::forward(LonLat p) const {
  PJ_COORD c = proj_coord(p.lon, p.lat, 0, 0);
  PJ_COORD r = proj_trans(const_cast<PJ*>(pj()), PJ_FWD, c);
  return {r.xy.x, r.xy.y};
}

LonLat Projection::inverse(XY p) const {
  PJ_COORD c = proj_coord(p.x, p.y, 0, 0);
  PJ_COORD r = proj_trans(const_cast<PJ*>(pj()), PJ_INV, c);
  return {r.lp.lam, r.lp.phi};
}

Viewport::Viewport(const Projection& proj, const Bounds& extent, double x0, double y0, double width,
                   double height, double margin)
    : proj_(proj), x0_(x0), y0_(y0), w_(width), h_(height) {
  // Project a dense sample of the extent's edges: projected bounds of a
  // lon/lat box are not the projection of its corners.
  double minx = std::numeric_limits<double>::max(), miny = minx, maxx = -minx, maxy = -minx;
  const int n = 32;
  for (int i = 0; i <= n; ++i) {
    double t = static_cast<double>(i) / n;
    for (LonLat q :
         {LonLat{extent.min_lon + t * (extent.max_lon - extent.min_lon), extent.min_lat},
          LonLat{extent.min_lon + t * (extent.max_lon - extent.min_lon), extent.max_lat},
          LonLat{extent.min_lon, extent.min_lat + t * (extent.max_lat - extent.min_lat)},
          LonLat{extent.max_lon, extent.min_lat + t * (extent.max_lat - extent.min_lat)}}) {
      XY m = proj_.forward(q);
      minx = std::min(minx, m.x), maxx = std::max(maxx, m.x);
      miny = std::min(miny, m.y), maxy = std::max(maxy, m.y);
    }
  }
  const double mx = (maxx - minx) * margin, my = (maxy - miny) * margin;
  minx -= mx, maxx += mx, miny -= my, maxy += my;
  scale_ = std::min(width / (maxx - minx), height / (maxy - miny));
  cx_ = (minx + maxx) / 2;
  cy_ = (miny + maxy) / 2;
}

XY Viewport::to_device(XY m) const {
  return {x0_ + w_ / 2 + (m.x - cx_) * scale_, y0_ + h_ / 2 - (m.y - cy_) * scale_};
}

XY Viewport::to_device(LonLat p) const { return to_device(proj_.forward(p)); }

XY Viewport::to_metres(XY d) const {
  return {cx_ + (d.x - x0_ - w_ / 2) / scale_, cy_ - (d.y - y0_ - h_ / 2) / scale_};
}

}  // namespace bm
