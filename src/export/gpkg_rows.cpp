#include "export/gpkg_rows.hpp"

#include <cpl_conv.h>
#include <ogr_core.h>

#include <algorithm>
#include <bit>
#include <climits>
#include <cstdio>
#include <cstring>
#include <limits>
#include <optional>
#include <stdexcept>

#include "core/error.hpp"
#include "export/sqlite_db.hpp"
#include "io/incidents_csv.hpp"

namespace bm {
namespace {

using sqlite::Db;
using sqlite::literal;
using sqlite::quoted;
using sqlite::Stmt;

void put_u32(char* at, std::uint32_t v) {
  for (int k = 0; k < 4; ++k) at[k] = static_cast<char>((v >> (8 * k)) & 0xff);
}
void put_f64(char* at, double d) {
  const auto v = std::bit_cast<std::uint64_t>(d);
  for (int k = 0; k < 8; ++k) at[k] = static_cast<char>((v >> (8 * k)) & 0xff);
}

// The column names the table must have after fid and geom, in our order.
std::vector<std::string> expected_columns(const std::vector<UserField>& user, bool id_property) {
  std::vector<std::string> names;
  for (const auto& n : incident_field_names()) {
    if (n == "incident_id") break;  // the reserved names follow it
    names.push_back(n);
  }
  if (id_property) names.push_back("incident_id");
  for (const auto& u : user) names.push_back(u.name);
  return names;
}

std::vector<std::string> table_columns(Db& db, const std::string& table) {
  std::vector<std::string> names;
  Stmt s(db, "SELECT name FROM pragma_table_info(" + literal(table) + ") ORDER BY cid");
  while (s.next()) names.push_back(s.column_text(0));
  return names;
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ";") + x;
  return s;
}

bool has_table(Db& db, const std::string& name) {
  Stmt s(db, "SELECT 1 FROM sqlite_master WHERE name = " + literal(name));
  return s.next();
}

// "2022-09-14" as it is; anything else as GDAL's date field reads it
// (OGRParseDate), printed as GDAL's GeoPackage writer prints a date.
bool canonical_date(const std::string& v) {
  if (v.size() != 10 || v[4] != '-' || v[7] != '-') return false;
  for (int k : {0, 1, 2, 3, 5, 6, 8, 9})
    if (v[static_cast<std::size_t>(k)] < '0' || v[static_cast<std::size_t>(k)] > '9') return false;
  const int month = (v[5] - '0') * 10 + (v[6] - '0'), day = (v[8] - '0') * 10 + (v[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// Binds one row's values in column order, from the first field after geom.
class Row {
 public:
  explicit Row(sqlite3_stmt* s) : s_(s) {}
  // The text lives until the statement runs (the incident, or State's buffers).
  void text(const std::string& v) { sqlite3_bind_text(s_, ++k_, v.c_str(), -1, SQLITE_STATIC); }
  void null() { sqlite3_bind_null(s_, ++k_); }
  // An OFTInteger field: GDAL clamps a 64-bit value to 32 bits.
  void int32(long long v) {
    sqlite3_bind_int(s_, ++k_, static_cast<int>(std::clamp<long long>(v, INT_MIN, INT_MAX)));
  }
  void int64(long long v) { sqlite3_bind_int64(s_, ++k_, v); }
  void real(double v) { sqlite3_bind_double(s_, ++k_, v); }
  void date(const std::string& v) {
    if (v.empty()) return null();
    if (canonical_date(v)) return text(v);
    OGRField f;
    if (!OGRParseDate(v.c_str(), &f, 0) || f.Date.Year > 9999) return null();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", f.Date.Year, f.Date.Month, f.Date.Day);
    sqlite3_bind_text(s_, ++k_, buf, -1, SQLITE_TRANSIENT);
  }
  template <class T>
  void optional32(const std::optional<T>& v) {
    v ? int32(*v) : null();
  }

 private:
  sqlite3_stmt* s_;
  int k_ = 1;  // 1 is the geometry
};

}  // namespace

std::string gpkg_point_blob(double lon, double lat) {
  std::string b(29, '\0');
  b[0] = 'G', b[1] = 'P', b[2] = 0, b[3] = 1;  // version 0; little-endian, no envelope
  put_u32(&b[4], 4326);
  b[8] = 1;           // WKB little-endian
  put_u32(&b[9], 1);  // Point
  put_f64(&b[13], lon);
  put_f64(&b[21], lat);
  return b;
}

struct GpkgIncidentRows::State {
  State(const std::string& staged, const std::string& target, const std::string& t,
        std::vector<UserField> u, const ExportOptions& o)
      : db(staged, target, "write the incidents"),
        table(t),
        user(std::move(u)),
        precision(o.precision),
        id_property(o.id_property) {}
  Db db;
  std::string table;
  std::vector<UserField> user;
  int precision;
  bool id_property;
  std::unique_ptr<Stmt> insert;
  std::vector<std::string> triggers;  // lifted during the inserts, restored at the end
  std::string actors, claims, sources, blob;
  double min_x = std::numeric_limits<double>::infinity(), min_y = min_x, max_x = -min_x,
         max_y = -min_x;
  long count = 0;
  bool in_transaction = false;

  void begin() {
    db.exec("BEGIN");
    in_transaction = true;
  }
  void commit() {
    if (in_transaction) db.exec("COMMIT");
    in_transaction = false;
  }
};

GpkgIncidentRows::GpkgIncidentRows(const std::string& staged, const std::string& target,
                                   const std::string& table, std::vector<UserField> user,
                                   const ExportOptions& o)
    : s_(std::make_unique<State>(staged, target, table, std::move(user), o)) {
  Db& db = s_->db;
  // A staging file, renamed over the target when complete: no journal, no fsync.
  db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF");
  const std::vector<std::string> columns = table_columns(db, table);
  const std::vector<std::string> ours = expected_columns(s_->user, o.id_property);
  if (columns.size() != ours.size() + 2 ||
      !std::equal(ours.begin(), ours.end(), columns.begin() + 2))
    throw std::logic_error("the GeoPackage table " + table + " has other columns than ours");
  // GDAL's feature-count triggers would run an UPDATE per row: lifted, and
  // the count set once at the end, as GDAL does for its own bulk inserts.
  std::vector<std::string> names;
  {
    Stmt t(db, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = " +
                   literal(table));
    while (t.next()) names.push_back(t.column_text(0)), s_->triggers.push_back(t.column_text(1));
  }
  for (const auto& n : names) db.exec("DROP TRIGGER " + quoted(n));
  std::string sql = "INSERT INTO " + quoted(table) + " (", values;
  for (std::size_t k = 1; k < columns.size(); ++k) {
    sql += (k > 1 ? ", " : "") + quoted(columns[k]);
    values += k > 1 ? ", ?" : "?";
  }
  s_->insert = std::make_unique<Stmt>(db, sql + ") VALUES (" + values + ")");
  s_->begin();
}

GpkgIncidentRows::~GpkgIncidentRows() = default;

long GpkgIncidentRows::count() const { return s_->count; }

void GpkgIncidentRows::write(const Incident& i, const Link* k) {
  State& s = *s_;
  sqlite3_stmt* st = s.insert->get();
  const double x = round_to(i.location->lon, s.precision),
               y = round_to(i.location->lat, s.precision);
  s.blob = gpkg_point_blob(x, y);
  sqlite3_bind_blob(st, 1, s.blob.data(), static_cast<int>(s.blob.size()), SQLITE_STATIC);
  s.min_x = std::min(s.min_x, x), s.max_x = std::max(s.max_x, x);
  s.min_y = std::min(s.min_y, y), s.max_y = std::max(s.max_y, y);
  Row r(st);
  r.text(i.id);
  r.date(i.date.start);
  r.date(i.date.end);
  r.text(i.date.precision);
  r.text(i.event_type);
  r.text(i.place);
  r.text(i.admin1);
  r.text(i.country);
  r.text(i.place_id);
  r.text(i.resolved_name);
  i.precision != GeoPrecision::unknown ? r.int32(static_cast<int>(i.precision)) : r.null();
  s.actors = joined(i.actors);
  r.text(s.actors);
  s.claims = claims_to_json(i.claims);
  r.text(s.claims);
  r.int32(static_cast<long long>(i.claims.size()));
  for (const auto& kind : kSummaryKinds) {
    if (i.claims.empty()) {  // a plain table: no claim, no summary
      r.null(), r.null();
      continue;
    }
    ClaimSummary c = summarize(i.claims, kind);
    r.optional32(c.low), r.optional32(c.high);
  }
  s.sources = joined(i.sources);
  r.text(s.sources);
  r.text(i.notes);
  if (k) {
    r.text(k->country);
    r.int32(k->in_enclave ? 1 : 0);
    const bool nearest = !k->segment_id.empty();
    nearest ? r.text(k->segment_id) : r.null();
    nearest ? r.real(round_to(k->distance_m, 1)) : r.null();
    const bool disputed = !k->disputed_segment_id.empty() && k->disputed_distance_m >= 0;
    disputed ? r.text(k->disputed_segment_id) : r.null();
    disputed ? r.real(round_to(k->disputed_distance_m, 1)) : r.null();
    r.int32(k->within_zone ? 1 : 0);
  } else {
    for (int n = 0; n < 7; ++n) r.null();
  }
  if (s.id_property) r.text(i.id);
  for (const auto& f : s.user) {
    const std::string* v = user_value(i, f);
    if (!v) {
      r.null();
    } else if (f.type == UserFieldType::integer) {
      int overflow = 0;  // as GDAL's SetField converts text for an Integer64 field
      r.int64(CPLAtoGIntBigEx(v->c_str(), FALSE, &overflow));
    } else if (f.type == UserFieldType::real) {
      r.real(CPLAtof(v->c_str()));
    } else {
      r.text(*v);
    }
  }
  s.insert->run();
  ++s.count;
}

void GpkgIncidentRows::commit() {
  s_->commit();
  s_->begin();
}

void GpkgIncidentRows::finish() {
  State& s = *s_;
  s.insert.reset();
  Db& db = s.db;
  if (s.count > 0) {  // doubles bound, not printed: the extent exactly as GDAL stores it
    Stmt extent(db,
                "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, "
                "last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE lower(table_name) = "
                "lower(" +
                    literal(s.table) + ")");
    int k = 0;
    for (double v : {s.min_x, s.min_y, s.max_x, s.max_y}) sqlite3_bind_double(extent.get(), ++k, v);
    extent.run();
    if (has_table(db, "gpkg_ogr_contents"))
      db.exec("UPDATE gpkg_ogr_contents SET feature_count = coalesce(feature_count, 0) + " +
              std::to_string(s.count) + " WHERE lower(table_name) = lower(" + literal(s.table) +
              ")");
  }
  for (const auto& sql : s.triggers) db.exec(sql);
  s.commit();
}

}  // namespace bm
