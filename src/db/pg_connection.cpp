#include "db/pg_connection.hpp"

#include <cstdlib>
#include <regex>

namespace bm::db {

bool is_pg(const std::string& target) { return target.rfind("PG:", 0) == 0; }

std::string PgConnection::get(const std::string& key, const std::string& fallback) const {
  auto it = params.find(key);
  return it == params.end() ? fallback : it->second;
}

// Unset parameters fall back to libpq's environment variables, as libpq does.
static std::string env_or(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

std::string PgConnection::host() const { return get("host", env_or("PGHOST", "the local socket")); }
std::string PgConnection::port() const { return get("port", env_or("PGPORT", "5432")); }
std::string PgConnection::database() const {
  return get("dbname", env_or("PGDATABASE", get("user", env_or("PGUSER", "(your user name)"))));
}

std::string PgConnection::redacted() const {
  std::string out = "PG:";
  bool first = true;
  for (const auto& [k, v] : params) {
    if (k == "password") continue;
    bool quote = v.empty() || v.find_first_of(" '\\") != std::string::npos;
    out += (first ? "" : " ") + k + "=" + (quote ? "'" + v + "'" : v);
    first = false;
  }
  return out;
}

std::string PgConnection::where() const {
  return "host " + host() + ", port " + port() + ", database " + database();
}

PgConnection parse_pg(const std::string& target) {
  PgConnection c;
  std::string s = is_pg(target) ? target.substr(3) : target;
  std::size_t k = 0;
  while (k < s.size()) {
    while (k < s.size() && s[k] == ' ') ++k;
    std::size_t eq = s.find('=', k);
    if (eq == std::string::npos) break;
    std::string key = s.substr(k, eq - k);
    while (!key.empty() && key.back() == ' ') key.pop_back();
    k = eq + 1;
    while (k < s.size() && s[k] == ' ') ++k;
    std::string value;
    if (k < s.size() && s[k] == '\'') {  // quoted, with \' and \\ escapes
      for (++k; k < s.size() && s[k] != '\''; ++k)
        value += s[k] == '\\' && k + 1 < s.size() ? s[++k] : s[k];
      ++k;
    } else {
      while (k < s.size() && s[k] != ' ') value += s[k++];
    }
    if (!key.empty()) c.params[key] = value;
  }
  return c;
}

std::string with_tables(const std::string& target, const std::string& tables) {
  PgConnection c = parse_pg(target);
  c.params.erase("tables");
  std::string conn = "PG:";
  for (const auto& [k, v] : c.params) {
    std::string quoted;  // libpq's quoting: \ and ' escaped by a backslash
    for (char ch : v)
      quoted += (ch == '\\' || ch == '\'') ? std::string("\\") + ch : std::string(1, ch);
    conn += " " + k + "='" + quoted + "'";
  }
  // GDAL takes tables= out of the string itself, unquoted.
  return tables.empty() ? conn : conn + " tables=" + tables;
}

std::string without_password(const std::string& text) {
  static const std::regex pw(R"(password\s*=\s*('(\\.|[^'])*'|\S+))", std::regex::icase);
  return std::regex_replace(text, pw, "password=***");
}

std::string connection_advice(const PgConnection& c) {
  return "check that PostgreSQL is running and accepts connections at " + c.where() +
         " (pg_isready -h " + c.host() + " -p " + c.port() + "), that the database exists, and " +
         "the user and password (PGPASSWORD or ~/.pgpass; never put it in scripts)";
}

}  // namespace bm::db
