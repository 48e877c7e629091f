#include "db/pg_link.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <nlohmann/json.hpp>

#include <cmath>

#include "core/error.hpp"
#include "db/pg_connection.hpp"
#include "db/pg_link_sql.hpp"
#include "db/pg_sql.hpp"
#include "db/pg_stage.hpp"
#include "geodata/gdal.hpp"

namespace bm::db {
namespace {

const char* kGist = "USING gist (geom)";

// What this run links against: the staged tables' names (db/pg_stage).
struct Staged {
  std::string pieces, disputed, parts, part_pieces;
};

// The segments' pieces. The disputed ones get a table and index of their
// own: filtering the index scan of all pieces would walk every piece
// nearer than the nearest disputed one.
void stage_segments(GDALDataset& ds, const PgLinkOptions& o, double lon_scale, Stager& st,
                    Staged& out) {
  const std::string table = o.periods.empty() ? o.segments : o.periods;
  SegmentColumns c;
  if (has_column(ds, table, "segment_id")) c.id = "segment_id";
  c.periods = has_column(ds, table, "valid_from") && has_column(ds, table, "valid_to");
  out.pieces = st.stage("pieces", stage_pieces_sql(o, c, lon_scale, kPieceVertices, false), {table},
                        {kGist});
  out.disputed =
      st.stage("disputed", stage_pieces_sql(o, c, lon_scale, kDisputedPieceVertices, true), {table},
               {kGist});
}

// A country's code: its iso2 column when the table has one (the bundled
// countries, whose ids must stay unique), else its id (export's countries).
std::string country_code(GDALDataset& ds, const PgLinkOptions& o, const std::string& row) {
  return row + "." + quote_ident(has_column(ds, o.countries, "iso2") ? "iso2" : "id") + "::text";
}

// How much shorter a degree of longitude is than one of latitude where the
// incidents are: the cosine of their median latitude, from a sample.
double lon_scale(GDALDataset& ds, const PgLinkOptions& o) {
  std::vector<std::string> rows =
      query_column(ds, "SELECT reltuples FROM pg_class WHERE oid = to_regclass(" +
                           quote_literal(quote_table(o.incidents)) + ")");
  const double n = rows.empty() || rows[0].empty() ? -1 : std::stod(rows[0]);
  std::vector<std::string> scale = query_column(ds, lon_scale_sql(o, n));
  if (scale.empty() || scale[0].empty()) return 1;
  // Rounded down (any scale up to the true cosine keeps pipeline/pg_refine's
  // floor valid), so a table that grows a little keeps its staged tables.
  return std::floor(std::stod(scale[0]) * 100) / 100;
}

void stage_parts(GDALDataset& ds, const PgLinkOptions& o, Stager& st, Staged& out) {
  out.parts =
      st.stage("parts", stage_parts_sql(o, country_code(ds, o, "c")), {o.countries}, {"(part)"});
  out.part_pieces =
      st.stage("part_pieces", stage_part_pieces_sql(out.parts), {o.countries}, {kGist});
}

double number(OGRFeature& f, int k) {
  return f.IsFieldSetAndNotNull(k) ? f.GetFieldAsDouble(k) : -1;
}
std::string text(OGRFeature& f, int k) {
  return f.IsFieldSetAndNotNull(k) ? f.GetFieldAsString(k) : "";
}
std::vector<std::string> ids(OGRFeature& f, int k) {
  std::vector<std::string> out;
  if (!f.IsFieldSetAndNotNull(k)) return out;
  for (const auto& id : nlohmann::json::parse(f.GetFieldAsString(k))) out.push_back(id);
  return out;
}

PgCandidates candidates_of(OGRFeature& f) {
  PgCandidates c;
  c.incident_id = text(f, 0);
  c.date = text(f, 1);
  c.lon = f.GetFieldAsDouble(2);
  c.lat = f.GetFieldAsDouble(3);
  c.nearest = ids(f, 4);
  c.reach_deg = number(f, 5);
  c.disputed = ids(f, 6);
  c.disputed_reach_deg = number(f, 7);
  c.country = text(f, 8);
  c.enclave = text(f, 9) == "1" || text(f, 9) == "t" || text(f, 9) == "true";
  c.region = text(f, 10);
  return c;
}

// Runs a query and hands every row to `each` as the cursor delivers them.
template <class Each>
std::size_t stream(GDALDataset& ds, const std::string& query, const PgLinkOptions& o,
                   const Each& each) {
  CPLErrorReset();
  OGRLayer* result = ds.ExecuteSQL(query.c_str(), nullptr, nullptr);
  if (!result || CPLGetLastErrorType() >= CE_Failure) {
    if (result) ds.ReleaseResultSet(result);
    throw InputError("the pushed-down link failed (" + without_password(CPLGetLastErrorMsg()) +
                     ") — do " + o.incidents + " and " + o.segments + " exist, with columns " +
                     o.id_column + ", " + o.geom_column + " and id, status, geom?");
  }
  std::size_t n = 0;
  try {
    for (auto& f : *result) {
      each(*f);
      ++n;
    }
  } catch (...) {
    ds.ReleaseResultSet(result);
    throw;
  }
  ds.ReleaseResultSet(result);
  return n;
}

// A table the link reads must be there with its columns: said before any
// staging, naming the server, rather than as a failed statement later.
void require_columns(GDALDataset& ds, const std::string& connection, const std::string& table,
                     const std::vector<std::string>& columns, const std::string& what) {
  for (const auto& c : columns)
    if (!has_column(ds, table, c))
      throw InputError("table " + table + " with a column " + c + " is not in " +
                       parse_pg(connection).where() + " — " + what);
}

}  // namespace

PgCandidatesResult pg_candidates(const std::string& connection, const PgLinkOptions& o,
                                 const std::function<void(const PgCandidates&)>& row) {
  GDALDatasetUniquePtr ds = open_for_update<InputError>(connection, "link in");
  exec(*ds, "SET jit = off");  // compiling the per-row expressions costs more than it saves
  const double scale = lon_scale(*ds, o);
  Stager st(*ds, o.cache);
  Staged t;
  stage_segments(*ds, o, scale, st, t);
  if (!o.countries.empty()) stage_parts(*ds, o, st, t);
  std::string query = candidates_query(o, scale, t.pieces, t.disputed, t.parts, t.part_pieces);
  PgCandidatesResult out;
  out.staged_reused = st.reused();
  out.staged_made = st.made();
  out.rows = stream(*ds, query, o, [&](OGRFeature& f) {
    PgCandidates c = candidates_of(f);
    c.lon_scale = scale;
    row(c);
  });
  return out;
}

void find_defaults(const std::string& connection, PgLinkOptions& o) {
  GDALDatasetUniquePtr ds = open_for_update<InputError>(connection, "link in");
  require_columns(*ds, connection, o.incidents, {o.id_column, o.geom_column},
                  "the incidents table: give --table, or tables= in the connection");
  require_columns(*ds, connection, o.segments, {"id", "status", "geom"},
                  "the segments table: give --segments-table (`bordermap data --to` loads "
                  "border_segments)");
  if (o.date_column.empty())
    for (const char* name : {"date", "event_date", "incident_date"})
      if (has_column(*ds, o.incidents, name)) {
        o.date_column = name;
        break;
      }
  if (o.precision_column.empty() && has_column(*ds, o.incidents, "geo_precision"))
    o.precision_column = "geo_precision";
  if (o.admin1_column.empty() && has_column(*ds, o.incidents, "admin1")) o.admin1_column = "admin1";
  const std::string suffix = "border_segments";
  const std::string& s = o.segments;
  if (s.size() < suffix.size() || s.compare(s.size() - suffix.size(), suffix.size(), suffix) != 0)
    return;
  const std::string prefix = s.substr(0, s.size() - suffix.size());
  if (o.periods.empty() && has_column(*ds, prefix + "segment_periods", "segment_id"))
    o.periods = prefix + "segment_periods";
  if (o.regions.empty() && has_column(*ds, prefix + "regions", "alt_names"))
    o.regions = prefix + "regions";
}

PgLinkSetup pg_link_setup(const std::string& connection, const PgLinkOptions& o) {
  GDALDatasetUniquePtr ds = open_for_update<InputError>(connection, "link in");
  PgLinkSetup out;
  if (!o.countries.empty())
    out.countries = query_column(
        *ds, "SELECT " + country_code(*ds, o, "c") + " FROM " + quote_table(o.countries) + " c");
  std::vector<std::string> note =
      query_column(*ds, "SELECT obj_description(to_regclass(" +
                            quote_literal(quote_table(o.segments)) + "), 'pg_class')");
  out.a_left = !note.empty() && note[0].find(kALeftNote) != std::string::npos;
  return out;
}

std::size_t pg_plain_link(
    const std::string& connection, const PgLinkOptions& o,
    const std::function<void(const std::string&, const std::string&, double)>& row) {
  GDALDatasetUniquePtr ds = open_for_update<InputError>(connection, "link in");
  Stager st(*ds, false);
  Staged t;
  stage_segments(*ds, o, 1, st, t);
  const std::string plain =
      st.stage("plain", "SELECT id, geom::geography AS g FROM " + quote_table(t.pieces), {},
               {"USING gist (g)"});
  return stream(*ds, plain_link_query(o, plain), o,
                [&](OGRFeature& f) { row(text(f, 0), text(f, 1), number(f, 2)); });
}

}  // namespace bm::db
