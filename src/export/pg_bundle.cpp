#include "export/pg_bundle.hpp"

#include <ctime>
#include <map>

#include "core/error.hpp"
#include "db/pg_link.hpp"
#include "db/pg_sql.hpp"
#include "export/layer_util.hpp"
#include "export/pg_tables.hpp"
#include "geodata/world_borders.hpp"

namespace bm {
namespace {

using db::exec;
using db::quote_ident;
using db::quote_literal;
using layer_util::add_field;

const char* kRegions = "regions";
const char* kPeriods = "segment_periods";

std::string today_iso() {
  std::time_t now = std::time(nullptr);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", std::gmtime(&now));
  return buf;
}

OGRMultiPolygon polygons_of(const MultiPolygon& area) {
  OGRMultiPolygon mp;
  for (const auto& poly : area) {
    OGRPolygon pg;
    for (const auto& ring : poly.rings) {
      OGRLinearRing r;
      for (const auto& p : ring) r.addPoint(p.lon, p.lat);
      r.closeRings();
      pg.addRing(&r);
    }
    mp.addGeometry(&pg);
  }
  return mp;
}

// One row per segment id: the period in force on `today`, else the latest.
std::vector<const BorderSegment*> current(const std::vector<BorderSegment>& all,
                                          const std::string& today) {
  std::map<std::string, const BorderSegment*> pick;
  std::vector<std::string> order;
  for (const auto& s : all) {
    auto [at, added] = pick.emplace(s.id, &s);
    if (added) order.push_back(s.id);
    const BorderSegment* had = at->second;
    bool now = active_on(s, today), had_now = active_on(*had, today);
    if ((now && !had_now) || (!had_now && !now && s.valid_from > had->valid_from)) at->second = &s;
  }
  std::vector<const BorderSegment*> out;
  for (const auto& id : order) out.push_back(pick[id]);
  return out;
}

long write_segments(GDALDataset& ds, const std::vector<BorderSegment>& all,
                    const std::string& today, const ExportOptions& o, char** lco) {
  OGRLayer& l = layer_util::create(ds, "border_segments", wkbMultiLineString, lco, o);
  add_field(l, "id", OFTString);
  layer_util::add_segment_fields(l);
  add_field(l, "as_of", OFTDate);
  long n = 0;
  for (const BorderSegment* s : current(all, today)) {
    OGRFeature f(l.GetLayerDefn());
    f.SetField("id", s->id.c_str());
    layer_util::set_segment(f, *s, -1);
    layer_util::set_date(f, "as_of", today);
    layer_util::insert(l, f, s->id);
    ++n;
  }
  return n;
}

long write_periods(GDALDataset& ds, const std::vector<BorderSegment>& all, const ExportOptions& o,
                   char** lco) {
  OGRLayer& l = layer_util::create(ds, kPeriods, wkbMultiLineString, lco, o);
  add_field(l, "segment_id", OFTString);
  layer_util::add_segment_fields(l);
  for (const auto& s : all) {
    OGRFeature f(l.GetLayerDefn());
    f.SetField("segment_id", s.id.c_str());
    layer_util::set_segment(f, s, -1);
    layer_util::insert(l, f, s.id);
  }
  return static_cast<long>(all.size());
}

// Ids stay unique (the 1:10m data gives several areas one ISO2, some none):
// the ISO2 where it is unique, else the name; iso2 keeps the code itself.
long write_countries(GDALDataset& ds, const std::vector<Country>& countries, const ExportOptions& o,
                     char** lco) {
  OGRLayer& l = layer_util::create(ds, "countries", wkbMultiPolygon, lco, o);
  for (const char* name : {"id", "iso2", "iso3", "name"}) add_field(l, name, OFTString);
  add_field(l, "focus", OFTInteger, OFSTBoolean);
  std::map<std::string, int> uses;
  for (const auto& c : countries) ++uses[c.iso2];
  for (const auto& c : countries) {
    const std::string id = !c.iso2.empty() && uses[c.iso2] == 1 ? c.iso2 : c.name;
    OGRFeature f(l.GetLayerDefn());
    f.SetField("id", id.c_str());
    f.SetField("iso2", c.iso2.c_str());
    f.SetField("iso3", c.iso3.c_str());
    f.SetField("name", c.name.c_str());
    f.SetField("focus", 0);
    OGRMultiPolygon mp = polygons_of(c.area);
    f.SetGeometry(&mp);
    layer_util::insert(l, f, id);
  }
  return static_cast<long>(countries.size());
}

long write_regions(GDALDataset& ds, const std::vector<Region>& regions, const ExportOptions& o,
                   char** lco) {
  OGRLayer& l = layer_util::create(ds, kRegions, wkbMultiPolygon, lco, o);
  add_field(l, "id", OFTString);
  add_field(l, "name", OFTString);
  add_field(l, "alt_names", OFTString);
  add_field(l, "country", OFTString);
  for (const auto& r : regions) {
    OGRFeature f(l.GetLayerDefn());
    f.SetField("id", r.id.c_str());
    f.SetField("name", r.name.c_str());
    f.SetField("alt_names", layer_util::joined(r.alt_names).c_str());
    f.SetField("country", r.country.c_str());
    OGRMultiPolygon mp = polygons_of(r.area);
    f.SetGeometry(&mp);
    layer_util::insert(l, f, r.id);
  }
  return static_cast<long>(regions.size());
}

std::vector<std::string> table_names(const std::string& prefix) {
  return {prefix + "countries", prefix + kRegions, prefix + "border_segments", prefix + kPeriods};
}

void make_room(GDALDataset& ds, const BundleTablesOptions& o) {
  for (const auto& t : table_names(o.prefix)) {
    if (!table_exists(ds, t)) continue;
    if (!o.overwrite)
      throw UsageError("table " + t +
                       " exists already — give --overwrite to replace the bundled tables, or "
                       "--table-prefix for new ones");
    exec(ds, "DROP TABLE " + quote_ident(t) + " CASCADE");
  }
}

// Keys, indexes and comments the GDAL layers do not carry.
void finish(GDALDataset& ds, const std::string& p, bool a_left) {
  const std::string segs = quote_ident(p + "border_segments"), per = quote_ident(p + kPeriods),
                    reg = quote_ident(p + kRegions);
  finish_table(ds, p, ExportLayer::countries);
  finish_table(ds, p, ExportLayer::border_segments);
  exec(ds,
       "COMMENT ON TABLE " + segs + " IS " +
           quote_literal(std::string("bordermap: border segments with their status as of "
                                     "as_of (every period: ") +
                         p + kPeriods + ")" + (a_left ? std::string("; ") + db::kALeftNote : "")));
  exec(ds, "ALTER TABLE " + per + " ADD FOREIGN KEY (segment_id) REFERENCES " + segs + " (id)");
  exec(ds, "CREATE INDEX ON " + per + " (segment_id)");
  exec(ds, "COMMENT ON TABLE " + per +
               " IS 'bordermap: every status period of every border segment (valid_to exclusive)'");
  exec(ds, "CREATE INDEX ON " + quote_ident(p + "countries") + " (iso2)");
  exec(ds, "COMMENT ON COLUMN " + quote_ident(p + "countries") +
               ".id IS 'ISO2 where unique, else the name (Natural Earth 1:10m)'");
  exec(ds, "ALTER TABLE " + reg + " ADD UNIQUE (id)");
  exec(ds, "CREATE INDEX ON " + reg + " (country)");
  exec(ds, "COMMENT ON TABLE " + reg + " IS 'bordermap: admin-1 regions (Natural Earth)'");
  exec(ds, "COMMENT ON COLUMN " + reg + ".country IS 'ISO2 of the country'");
}

}  // namespace

BundleTablesCounts write_bundle_tables(const std::string& target, const Bundle& bundle,
                                       const BundleTablesOptions& o) {
  const std::string today = o.today.empty() ? today_iso() : o.today;
  const std::vector<Country> countries = bundle.countries();
  const std::vector<BorderSegment> segments = bundle.segments();
  const std::vector<Region> regions = bundle.regions();
  const bool a_left = has_world_borders(bundle);

  GDALDatasetUniquePtr ds = db::open_for_update<ExportError>(target, "write to");
  const char* lco[] = {"GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=GIST", "LAUNDER=NO",
                       nullptr};
  char** options = const_cast<char**>(lco);
  ExportOptions eo;
  eo.precision = 15;
  eo.table_prefix = o.prefix;
  db::begin(*ds);
  try {
    make_room(*ds, o);
    BundleTablesCounts n;
    n.countries = write_countries(*ds, countries, eo, options);
    n.regions = write_regions(*ds, regions, eo, options);
    n.segments = write_segments(*ds, segments, today, eo, options);
    n.periods = write_periods(*ds, segments, eo, options);
    finish(*ds, o.prefix, a_left);
    save_qgis_styles(*ds, o.prefix, {ExportLayer::countries, ExportLayer::border_segments});
    db::commit(*ds);
    return n;
  } catch (...) {
    ds->RollbackTransaction();
    throw;
  }
}

}  // namespace bm
