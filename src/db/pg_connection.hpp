#pragma once
// A "PG:" connection string taken apart once, so messages, logs and the
// manifest can name the server without ever showing the password.
#include <map>
#include <string>

namespace bm::db {

// True for "PG:..." (GDAL's PostgreSQL connection strings).
bool is_pg(const std::string& target);

struct PgConnection {
  std::map<std::string, std::string> params;  // libpq keywords as given (password included)
  std::string get(const std::string& key, const std::string& fallback = "") const;
  std::string host() const;  // PGHOST or the local socket when not given
  std::string port() const;
  std::string database() const;
  // "PG:host=… port=… dbname=… user=…": every parameter but the password.
  std::string redacted() const;
  // "host H, port P, database D": for error messages.
  std::string where() const;
};

// Parses "PG:key=value key='quoted value' ..."; unknown keys are kept.
PgConnection parse_pg(const std::string& target);

// The same connection with tables= replaced by `tables` (empty: removed, so
// GDAL lists every table); the other values in libpq's quoting.
std::string with_tables(const std::string& target, const std::string& tables);

// Replaces any password=… in a text (a GDAL error that quotes the string).
std::string without_password(const std::string& text);

// The remedy line for a connection that failed.
std::string connection_advice(const PgConnection& c);

}  // namespace bm::db
