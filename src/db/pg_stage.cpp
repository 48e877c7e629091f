#include "db/pg_stage.hpp"

#include "core/error.hpp"
#include "db/pg_sql.hpp"

namespace bm::db {
namespace {

void make(GDALDataset& ds, const std::string& create, const std::string& table,
          const std::string& select, const std::vector<std::string>& indexes) {
  exec(ds, create + " " + table + " AS " + select);
  for (const auto& index : indexes) exec(ds, "CREATE INDEX ON " + table + " " + index);
  exec(ds, "ANALYZE " + table);
}

}  // namespace

// Order-free (a sum over rows), so the scan's order does not matter; the
// row count rides along.
std::string Stager::checksum(const std::string& table) {
  auto at = sums_.find(table);
  if (at != sums_.end()) return at->second;
  std::vector<std::string> sum = query_column(
      ds_,
      "SELECT count(*) || ':' || coalesce(sum(('x' || left(md5(s::text), 15))::bit(60)::"
      "bigint::numeric), 0) FROM " +
          quote_table(table) + " s");
  return sums_[table] = sum.empty() ? "" : sum[0];
}

std::string Stager::temporary(const std::string& kind, const std::string& select,
                              const std::vector<std::string>& indexes) {
  const std::string name = "bordermap_link_" + kind;
  exec(ds_, "DROP TABLE IF EXISTS pg_temp." + quote_ident(name));
  make(ds_, "CREATE TEMP TABLE", quote_ident(name), select, indexes);
  ++made_;
  return name;
}

// Made in one transaction, so a table of the cache is always whole and
// indexed; a run making the same one at the same time fails here and uses
// the other's.
bool Stager::cached(const std::string& name, const std::string& note, const std::string& select,
                    const std::vector<std::string>& indexes) {
  const std::string schema = quote_ident(kCacheSchema);
  begin(ds_);
  try {
    exec(ds_, "CREATE SCHEMA IF NOT EXISTS " + schema);
    const std::string table = schema + "." + quote_ident(name);
    make(ds_, "CREATE TABLE", table, select, indexes);
    exec(ds_, "COMMENT ON TABLE " + table + " IS " + quote_literal(note));
    commit(ds_);
  } catch (const Error&) {
    ds_.RollbackTransaction();
    return false;
  }
  drop_older(name, note);
  return true;
}

// The tables this one replaces (same kind, same sources, older rows or
// SQL). One still read by another run is left for a later one: waiting
// for its lock could take as long as that run.
void Stager::drop_older(const std::string& name, const std::string& note) {
  const std::string schema = quote_ident(kCacheSchema);
  std::vector<std::string> old = query_column(
      ds_,
      "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE "
      "c.relkind = 'r' AND n.nspname = " +
          quote_literal(kCacheSchema) + " AND c.relname <> " + quote_literal(name) +
          " AND obj_description(c.oid, 'pg_class') = " + quote_literal(note));
  exec(ds_, "SET lock_timeout = '1s'");
  for (const auto& table : old) {
    try {
      exec(ds_, "DROP TABLE " + schema + "." + quote_ident(table));
    } catch (const Error&) {
      // in use by a run still reading it: a later run drops it
    }
  }
  exec(ds_, "RESET lock_timeout");
}

std::string Stager::stage(const std::string& kind, const std::string& select,
                          const std::vector<std::string>& sources,
                          const std::vector<std::string>& indexes) {
  if (!cache_) return temporary(kind, select, indexes);
  std::string key = select;
  std::string from;
  for (const auto& s : sources) {
    key += "|" + s + "=" + checksum(s);
    from += (from.empty() ? "" : ", ") + s;
  }
  for (const auto& index : indexes) key += "|" + index;
  std::vector<std::string> md5 = query_column(ds_, "SELECT md5(" + quote_literal(key) + ")");
  const std::string name = kind + "_" + md5.at(0).substr(0, 16);
  const std::string qualified = std::string(kCacheSchema) + "." + name;
  auto exists = [&] {
    return !query_column(ds_, "SELECT to_regclass(" + quote_literal(quote_table(qualified)) + ")")
                .at(0)
                .empty();
  };
  if (exists()) {
    ++reused_;
    return qualified;
  }
  const std::string note = "bordermap link staging: " + kind + " of " + from;
  if (cached(name, note, select, indexes)) {
    ++made_;
    return qualified;
  }
  if (exists()) {
    ++reused_;
    return qualified;
  }
  return temporary(kind, select, indexes);
}

}  // namespace bm::db
