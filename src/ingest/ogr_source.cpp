// Any vector source GDAL opens (GeoJSON, GPKG, Shapefile, FlatGeobuf, KML,
// PostGIS through "PG:", other CSV). Fields are found by --map or by their
// common names; the point comes from the geometry (reprojected to WGS84)
// or from lon/lat fields. Fields we do not map are kept in source_fields
// under "ogr.<field>".
#include <cpl_conv.h>
#include <cpl_vsi.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <regex>
#include <set>

#include "core/error.hpp"
#include "db/pg_connection.hpp"
#include "geodata/bundle.hpp"
#include "geodata/gdal.hpp"
#include "ingest/backends.hpp"
#include "ingest/countries.hpp"
#include "ingest/dates.hpp"
#include "ingest/ogr_fields.hpp"
#include "ingest/safe_open.hpp"
#include "io/csv.hpp"
#include "io/stdin_spool.hpp"
#include "io/values.hpp"

namespace bm::ingest {
using namespace bm::io;  // the shared value parsers and record loop
namespace {
// Connection strings may carry a password; messages must not.
std::string display_name(const std::string& name) { return db::without_password(name); }

class Reprojector {
 public:
  explicit Reprojector(const OGRSpatialReference* from) {
    // No CRS (a CSV): lon/lat as given, and no WGS84 to build (PROJ's
    // database lookups, ~3% of rendering a 10k-row CSV).
    if (!from || from->IsEmpty()) return;
    wgs84_.SetWellKnownGeogCS("WGS84");
    wgs84_.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (!from->IsSame(&wgs84_)) ct_.reset(OGRCreateCoordinateTransformation(from, &wgs84_));
  }
  void apply(OGRGeometry& g) const {
    if (ct_ && g.transform(ct_.get()) != OGRERR_NONE)
      throw InputError("the geometry cannot be reprojected to WGS84");
  }

 private:
  OGRSpatialReference wgs84_;
  std::unique_ptr<OGRCoordinateTransformation> ct_;
};

// A geometry's point is checked like a typed one: GeoJSON allows any
// number, and a layer in metres without its CRS (no .prj) looks like one.
LonLat checked_point(double lon, double lat) {
  if (!(std::fabs(lon) <= 180 && std::fabs(lat) <= 90)) {
    char buf[160];
    std::snprintf(buf, sizeof buf,
                  "its geometry's point (%.6g, %.6g) is outside ±180/±90 degrees — "
                  "give coordinates as lon, lat in WGS84, or the layer's CRS (a .prj)",
                  lon, lat);
    throw InputError(buf);
  }
  return LonLat{lon, lat};
}

void set_location(Incident& inc, const Fields& f, const FieldMap& m, const Reprojector& rp) {
  if (const OGRGeometry* g = f.geometry(); g && !g->IsEmpty()) {
    std::unique_ptr<OGRGeometry> copy(g->clone());
    rp.apply(*copy);
    OGRwkbGeometryType type = wkbFlatten(copy->getGeometryType());
    if (type == wkbPoint) {
      auto* p = copy->toPoint();
      inc.location = checked_point(p->getX(), p->getY());
      return;
    }
    // An area or a line stands for somewhere in it: its centroid, with the
    // precision that says so.
    OGRPoint c;
    if (copy->Centroid(&c) != OGRERR_NONE || c.IsEmpty())
      throw InputError(std::string("cannot take the centroid of its ") + copy->getGeometryName());
    inc.location = checked_point(c.getX(), c.getY());
    bool area = type == wkbPolygon || type == wkbMultiPolygon;
    inc.precision = area ? GeoPrecision::region : GeoPrecision::near;
    inc.source_fields["ogr.geometry"] = std::string(copy->getGeometryName()) + " (centroid used)";
    return;
  }
  std::string lon = value(f, m, "lon"), lat = value(f, m, "lat");
  if (lon.empty() && lat.empty()) return;
  if (lon.empty() || lat.empty())
    throw InputError("only one of the lon/lat fields is set — give both or neither");
  inc.location = LonLat{parse_degrees(lon, "lon", 180), parse_degrees(lat, "lat", 90)};
}

Claim figure(const std::string& kind, const std::string& text, const std::string& claimant) {
  Claim c;
  c.kind = kind;
  c.low = c.high = parse_count(text, kind);
  if (*c.low < 0) throw InputError("field '" + kind + "' is " + text + " — cannot be negative");
  c.side = "unknown";
  c.claimant = claimant;
  c.source = claimant;
  c.scope = "event";
  return c;
}

// A month or a year alone spans its days, with that precision, unless the
// user gave an end date or a precision of their own.
void read_dates(Incident& inc, const Fields& f, const FieldMap& m) {
  Period start = date_value(f, m, "date"), end = date_value(f, m, "date_end");
  inc.date.start = start.first;
  inc.date.end = end.last.empty() ? start.last : end.last;
  if (!inc.date.end.empty() && inc.date.end < inc.date.start)
    throw InputError("the end date " + inc.date.end + " is before the start " + inc.date.start);
  inc.date.precision = value(f, m, "date_precision");
  if (inc.date.precision.empty() && end.last.empty()) inc.date.precision = start.precision;
  if (inc.date.precision.empty())
    inc.date.precision = inc.date.start == inc.date.end ? "day" : "range";
}

// Our model holds ISO 3166-1 alpha-2, as the ACLED and UCDP readers give
// it; a name ("Kyrgyzstan") or alpha-3 is turned into it, and the value as
// written is kept beside it (exported as source_<field>). One we cannot
// place ("Kirgizia") stays as written.
void read_country(Incident& inc, const Fields& f, const FieldMap& m) {
  const std::string given = value(f, m, "country");
  const std::string iso2 = iso2_from_name(given);
  inc.country = iso2.empty() ? given : iso2;
  if (!iso2.empty() && iso2 != given)
    inc.source_fields["ogr." + std::string(f.name(m.find("country")->second))] = given;
}

Incident read_feature(const Fields& f, const FieldMap& m, const std::vector<bool>& ours,
                      const Reprojector& rp, const std::string& layer_name,
                      const std::string& label) {
  Incident inc;
  inc.line = f.fid();
  inc.id = value(f, m, "id");
  if (inc.id.empty()) inc.id = layer_name + ":" + std::to_string(f.fid());
  read_dates(inc, f, m);
  inc.place = value(f, m, "place");
  inc.admin1 = value(f, m, "admin1");
  read_country(inc, f, m);
  set_location(inc, f, m, rp);
  if (std::string p = value(f, m, "geo_precision"); !p.empty()) {
    if (p != "1" && p != "2" && p != "3")
      throw InputError("field 'geo_precision' is '" + p + "' — expected 1, 2 or 3");
    inc.precision = static_cast<GeoPrecision>(p[0] - '0');
  }
  inc.event_type = value(f, m, "event_type");
  for (const auto& a : split(value(f, m, "actors"), ';'))
    if (!trim(a).empty()) inc.actors.push_back(trim(a));
  for (const auto& s : split(value(f, m, "sources"), ';'))
    if (!trim(s).empty()) inc.sources.push_back(trim(s));
  inc.notes = value(f, m, "notes");
  if (std::string c = value(f, m, "claims"); !c.empty()) inc.claims = claims_from_json(c);
  const std::string claimant = inc.sources.empty() ? label : inc.sources.front();
  if (std::string k = value(f, m, "killed"); !k.empty())
    inc.claims.push_back(figure("killed", k, claimant));
  if (std::string k = value(f, m, "injured"); !k.empty())
    inc.claims.push_back(figure("injured", k, claimant));
  for (auto& c : inc.claims)
    if (c.source.empty()) c.source = claimant;
  if (inc.sources.empty()) inc.sources.push_back(label);

  for (int i = 0; i < f.count(); ++i)
    if (!ours[static_cast<std::size_t>(i)] && f.has(i))
      inc.source_fields["ogr." + std::string(f.name(i))] = f.text(i);
  if (inc.place.empty() && !inc.location)
    throw InputError("has neither a place name nor a geometry or lon/lat — it cannot be located");
  return inc;
}

OGRLayer& pick_layer(GDALDataset& ds, const Options& o, const std::string& name) {
  if (!o.layer.empty()) return gdal::layer(ds, o.layer, name);
  if (ds.GetLayerCount() == 1) return *ds.GetLayer(0);
  std::string names;
  for (int i = 0; i < ds.GetLayerCount(); ++i)
    names += (i ? ", " : "") + std::string(ds.GetLayer(i)->GetName());
  if (names.empty()) throw InputError(name + ": has no vector layer");
  throw UsageError(name + ": has " + std::to_string(ds.GetLayerCount()) + " layers (" + names +
                   ") — choose one with --layer");
}

// Stdin is handed to GDAL as an in-memory file, named with the extension
// its content calls for (GDAL's CSV driver reads only a ".csv").
class MemFile {
 public:
  MemFile(const Input& in, std::string data) : data_(std::move(data)) {
    const std::string& h = in.head;
    auto first = h.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    bool json = first != std::string::npos && (h[first] == '{' || h[first] == '[');
    const char* ext = h.rfind("SQLite format 3", 0) == 0    ? ".gpkg"
                      : h.rfind("fgb", 0) == 0              ? ".fgb"
                      : h.find("<kml") != std::string::npos ? ".kml"
                      : json                                ? ".geojson"
                      : !in.csv_header.empty()              ? ".csv"
                                                            : ".geojson";
    path_ = std::string("/vsimem/bordermap-stdin") + ext;
    VSILFILE* f = VSIFileFromMemBuffer(path_.c_str(), reinterpret_cast<GByte*>(data_.data()),
                                       data_.size(), FALSE);
    if (f) VSIFCloseL(f);
  }
  ~MemFile() { VSIUnlink(path_.c_str()); }
  MemFile(const MemFile&) = delete;
  MemFile& operator=(const MemFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string data_;  // what GDAL reads as the file
  std::string path_;
};

// Text that reads as CSV and is none of the text formats GDAL would see in
// it (GeoJSON's first line has commas too).
bool is_plain_csv(const Input& in) {
  if (in.csv_header.empty() || in.name.rfind("PG:", 0) == 0) return false;
  auto first = in.head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  return first != std::string::npos && std::string("{[<").find(in.head[first]) == std::string::npos;
}

// A row of our CSV reader as the mapping reads fields: an empty field is no
// value (null), and text ends at a NUL, as an OGRFeature's string would.
class CsvFields : public Fields {
 public:
  CsvFields(const csv::Table& t, const OGRFeatureDefn& defn, long fid)
      : t_(t), defn_(defn), fid_(fid) {}
  long fid() const override { return fid_; }
  int count() const override { return static_cast<int>(t_.width()); }
  bool has(int i) const override { return !t_.field(static_cast<std::size_t>(i)).empty(); }
  std::string text(int i) const override { return t_.field(static_cast<std::size_t>(i)).c_str(); }
  const char* name(int i) const override { return defn_.GetFieldDefn(i)->GetNameRef(); }

 private:
  const csv::Table& t_;
  const OGRFeatureDefn& defn_;
  long fid_;
};

// Other CSV (fields by --map or common names) through our own streaming
// reader, not GDAL's CSV driver, which drops every row after an unclosed
// quote or a very long line without a word. Each record's text fields are
// mapped as a GDAL source's would be.
IncidentTable read_other_csv(const Input& in, const Options& o, const std::string& name,
                             const std::string& label) {
  auto stream = open_stream(in);
  csv::Table t(*stream, name);
  auto* defn = new OGRFeatureDefn("csv");
  defn->Reference();
  defn->SetGeomType(wkbNone);
  for (const auto& h : field_names(t.header())) {
    OGRFieldDefn fd(h.c_str(), OFTString);
    defn->AddFieldDefn(&fd);
  }
  IncidentTable out;
  try {
    auto m = map_fields(*defn, o, name);
    require_known_field(*defn, m, name);
    const std::vector<bool> ours = our_columns(*defn, m);
    Reprojector rp(nullptr);
    const std::size_t width = t.header().size();
    // Feature ids and the layer name as GDAL's CSV driver gave them.
    const std::string layer = in.from_stdin() ? std::string("bordermap-stdin")
                                              : std::filesystem::path(in.name).stem().string();
    long fid = 0;
    for (;;) {
      try {
        if (!t.next()) break;
        if (t.width() != width)
          throw InputError("has " + std::to_string(t.width()) + " fields, the header has " +
                           std::to_string(width) + " — check quoting");
        out.incidents.push_back(
            read_feature(CsvFields(t, *defn, ++fid), m, ours, rp, layer, label));
        out.incidents.back().line = t.line();  // the file's line, not the row count
      } catch (const InputError& e) {
        auto id = m.find("id");
        const auto k = id == m.end() ? t.width() : static_cast<std::size_t>(id->second);
        const std::string record = k < t.width() ? t.field(k) : "";
        out.rejected.push_back({name, t.line(), record, e.what(), true});
      }
      maybe_flush(o, out);
    }
  } catch (...) {
    defn->Release();
    throw;
  }
  defn->Release();
  return out;
}

}  // namespace

int detect_ogr(const Input& in) {
  const std::string& h = in.head;
  if (in.name.rfind("PG:", 0) == 0) return 100;
  if (h.rfind("SQLite format 3", 0) == 0) return 80;                                  // GeoPackage
  if (h.size() >= 4 && std::memcmp(h.data(), "fgb\x03", 4) == 0) return 80;           // FlatGeobuf
  if (h.size() >= 4 && std::memcmp(h.data(), "\x00\x00\x27\x0a", 4) == 0) return 80;  // .shp
  if (h.find("<kml") != std::string::npos) return 80;
  auto first = h.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first != std::string::npos && (h[first] == '{' || h[first] == '[')) return 50;  // GeoJSON
  if (in.is_directory || in.name.rfind("/vsi", 0) == 0) return 30;
  // Anything else GDAL may still open (other CSV with --map, GML, ...).
  return h.empty() ? 0 : 10;
}

IncidentTable read_ogr(const Input& in, const Options& o) {
  const std::string name = in.from_stdin() ? "<stdin>" : display_name(in.name);
  if (is_plain_csv(in)) {  // read as it arrives, stdin too
    const std::string label =
        in.from_stdin() ? std::string("stdin") : std::filesystem::path(in.name).filename().string();
    return read_other_csv(in, o, name, label);
  }
  // Other formats from stdin: GDAL opens them whole, from memory.
  std::unique_ptr<MemFile> mem;
  if (in.from_stdin()) mem = std::make_unique<MemFile>(in, io::stdin_whole(in.head));
  const std::string path = mem ? mem->path() : in.name;
  // A spreadsheet's first row is its header even when every cell below is
  // text too (GDAL's guess would read the header as data); a user's own
  // setting of these options wins.
  CPLConfigOptionSetter xlsx("OGR_XLSX_HEADERS", "FORCE", true);
  CPLConfigOptionSetter ods("OGR_ODS_HEADERS", "FORCE", true);
  GDALDatasetUniquePtr ds;
  try {
    ds = open_user_vector(path, name, in.head);
  } catch (const InputError&) {
    if (!db::is_pg(in.name)) throw;
    std::string why = db::without_password(CPLGetLastErrorMsg());
    db::PgConnection c = db::parse_pg(in.name);
    throw InputError("cannot read PostgreSQL at " + c.where() + " (" + trim(why) + ") — " +
                     db::connection_advice(c));
  }
  OGRLayer& layer = pick_layer(*ds, o, name);
  auto m = map_fields(*layer.GetLayerDefn(), o, name);
  require_known_field(*layer.GetLayerDefn(), m, name);
  const std::vector<bool> ours = our_columns(*layer.GetLayerDefn(), m);
  Reprojector rp(layer.GetSpatialRef());
  // Who a figure without a named source is attributed to: the dataset.
  const std::string label = in.from_stdin() ? std::string("stdin")
                            : in.name.rfind("PG:", 0) == 0
                                ? std::string("PostGIS ") + layer.GetName()
                                : std::filesystem::path(in.name).filename().string();
  IncidentTable out;
  layer.ResetReading();
  for (auto& f : layer) {
    try {
      out.incidents.push_back(read_feature(OgrFields(*f), m, ours, rp, layer.GetName(), label));
    } catch (const InputError& e) {
      out.rejected.push_back({name, static_cast<long>(f->GetFID()),
                              value(OgrFields(*f), m, "id").empty()
                                  ? "feature " + std::to_string(f->GetFID())
                                  : value(OgrFields(*f), m, "id"),
                              e.what(), true});
    }
    maybe_flush(o, out);
  }
  return out;
}

}  // namespace bm::ingest
