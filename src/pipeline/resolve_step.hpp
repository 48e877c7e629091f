#pragma once
// The resolve step of the chain: incidents without lon/lat get a place from
// the gazetteer, which is loaded only when some incident needs it. One set of
// rules for every command: a whole border, a whole country or an unknown
// place is not drawn at an invented point but recorded as a rejection (a
// whole border is remembered too: maps draw it as the border's line).
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/progress.hpp"
#include "gazetteer/gazetteer.hpp"
#include "geodata/bundle.hpp"
#include "pipeline/border_places.hpp"

namespace bm {

// Region areas of the incidents placed only to a region, by incident id: the
// linker measures those from the whole area, as a range.
using RegionAreas = std::map<std::string, std::shared_ptr<const MultiPolygon>>;

class PlaceResolver {
 public:
  explicit PlaceResolver(std::string bundle_path = default_bundle_path());

  // Places every incident of `file` that has no location. One that cannot be
  // placed keeps no location, gets a resolve_note and a rejection.
  void resolve(std::vector<Incident>& incidents, const std::string& file,
               std::vector<Rejection>& rejected, const ProgressFn& progress = {});

  const RegionAreas& region_areas() const { return areas_; }
  const BorderPlaces& border_places() const { return borders_; }
  const Bundle& bundle();  // opened on first use
  bool bundle_opened() const { return bundle_.has_value(); }

 private:
  const Gazetteer& gazetteer();
  std::optional<std::string> unplaceable(const Incident& incident, const Resolution& r);
  void place(Incident& incident, const std::string& file, std::vector<Rejection>& rejected);

  std::string bundle_path_;
  std::optional<Bundle> bundle_;
  std::optional<Gazetteer> gazetteer_;
  RegionAreas areas_;
  BorderPlaces borders_;
};

// Drops the incidents the resolver could not place (a map drawn straight
// from lon/lat has nowhere to put them; they are already in `rejected`).
void drop_unplaced(std::vector<Incident>& incidents);

}  // namespace bm
