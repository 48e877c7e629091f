#pragma once
// `bordermap data --to PG:…`: the bundled reference data as database
// tables, so links, maps and QGIS can work on them inside PostGIS:
//   <p>countries        MultiPolygon, id = ISO2 (styled in QGIS)
//   <p>regions          MultiPolygon, admin-1 regions, country = ISO2
//   <p>border_segments  MultiLineString, one row per segment id with its
//                       status today (styled in QGIS)
//   <p>segment_periods  every status period, segment_id -> border_segments(id)
// GiST indexes, unique ids, comments and layer_styles, in one transaction.
#include <string>

#include "geodata/bundle.hpp"

namespace bm {

struct BundleTablesOptions {
  std::string prefix;      // of every table name
  bool overwrite = false;  // drop our existing tables first; else refuse them
  std::string today;       // ISO date of the segments' status (empty: the system's today)
};

struct BundleTablesCounts {
  long countries = 0, regions = 0, segments = 0, periods = 0;
};

BundleTablesCounts write_bundle_tables(const std::string& target, const Bundle& bundle,
                                       const BundleTablesOptions& options);

}  // namespace bm
