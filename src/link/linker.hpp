#pragma once
// Links incidents to the border: nearest segment and nearest disputed
// segment (status as of the incident's date), geodesic distances, the
// country the incident lies in and whether that is an enclave.
#include <memory>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "geodata/bundle.hpp"

namespace bm {

struct LinkOptions {
  double within_m = 5000;  // the zone reported by `within_zone`
  std::string as_of;       // status date; empty: each incident's own date
};

class Linker {
 public:
  Linker(std::vector<BorderSegment> segments, std::vector<Country> countries,
         LinkOptions options = {});
  ~Linker();
  Linker(Linker&&) noexcept;

  // Incidents without a location get a Link with an empty segment id.
  Link link(const Incident& incident) const;
  const std::vector<BorderSegment>& segments() const { return segments_; }

 private:
  struct Areas;
  std::vector<BorderSegment> segments_;
  std::unique_ptr<Areas> areas_;
  LinkOptions options_;
};

// The segments between two countries: the bundled named segments when there
// are any, else the shared boundary derived from the polygons (status unknown).
std::vector<BorderSegment> border_segments(const Bundle& bundle, const std::string& a,
                                           const std::string& b,
                                           const std::vector<Country>& countries);

}  // namespace bm
