#pragma once
// Lon/lat -> map metres through PROJ (axis order normalised once, here),
// then metres -> device units for a frame.
#include <memory>
#include <string>
#include <vector>

#include "core/geometry.hpp"

struct PJconsts;  // PROJ's PJ

namespace bm {

struct XY {
  double x = 0;
  double y = 0;
};

class Projection {
 public:
  // `crs` is any PROJ string or EPSG code; empty picks a Lambert azimuthal
  // equal-area projection centred on `extent`.
  Projection(const std::string& crs, const Bounds& extent);
  ~Projection();
  Projection(Projection&&) noexcept;
  Projection& operator=(Projection&&) noexcept;

  XY forward(LonLat p) const;
  LonLat inverse(XY p) const;
  // `line` projected: with `step` > 0 densified first (every edge longer
  // than `step` degrees split evenly, at most 200 parts; the first point,
  // then each edge's points up to and including its end), else vertex for
  // vertex. Remembered for every Projection of the same definition in this
  // process, so maps that share a projection (small multiples, PNG bands)
  // project their base layers once.
  std::shared_ptr<const std::vector<XY>> project_line(const std::vector<LonLat>& line,
                                                      double step) const;
  const std::string& definition() const { return definition_; }

 private:
  // The PROJ object for the calling thread (the creator's, or a clone).
  const PJconsts* pj() const;
  struct Impl;
  struct Memo;
  static std::shared_ptr<Memo> memo_for(const std::string& definition);
  std::unique_ptr<Impl> impl_;
  std::shared_ptr<Memo> memo_;
  std::string definition_;
};

// Maps projected metres into a device frame, keeping the aspect ratio.
// `margin`: share of the projected extent's width and height added on each side.
class Viewport {
 public:
  Viewport(const Projection& proj, const Bounds& extent, double x0, double y0, double width,
           double height, double margin = 0);
  XY to_device(LonLat p) const;
  XY to_device(XY metres) const;
  XY to_metres(XY device) const;
  double metres_per_unit() const { return 1.0 / scale_; }
  const Projection& projection() const { return proj_; }
  double x0() const { return x0_; }
  double y0() const { return y0_; }
  double width() const { return w_; }
  double height() const { return h_; }

 private:
  const Projection& proj_;
  double x0_, y0_, w_, h_;
  double scale_ = 1;        // device units per metre
  double cx_ = 0, cy_ = 0;  // projected centre
};

}  // namespace bm
