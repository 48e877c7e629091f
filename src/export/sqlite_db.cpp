#include "export/sqlite_db.hpp"

#include "core/error.hpp"

namespace bm::sqlite {
namespace {

std::string quote(const std::string& s, char q) {
  std::string out(1, q);
  for (char c : s) out += c == q ? std::string(2, q) : std::string(1, c);
  return out + q;
}

}  // namespace

std::string quoted(const std::string& name) { return quote(name, '"'); }
std::string literal(const std::string& text) { return quote(text, '\''); }

Db::Db(const std::string& path, const std::string& target, std::string doing)
    : target_(target), doing_(std::move(doing)) {
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
    fail("cannot open the file");
}

Db::~Db() { sqlite3_close(db_); }

void Db::exec(const std::string& sql) {
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) fail(sql);
}

void Db::fail(const std::string& what) const {
  throw ExportError(target_ + ": cannot " + doing_ + ": " + what + " (" + sqlite3_errmsg(db_) +
                    ") — free some space and run again");
}

Stmt::Stmt(Db& db, const std::string& sql) : db_(db) {
  if (sqlite3_prepare_v2(db.get(), sql.c_str(), -1, &s_, nullptr) != SQLITE_OK) db.fail(sql);
}

Stmt::~Stmt() { sqlite3_finalize(s_); }

bool Stmt::next() {
  int rc = sqlite3_step(s_);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) db_.fail(sqlite3_sql(s_));
  return rc == SQLITE_ROW;
}

void Stmt::run() {
  next();
  sqlite3_reset(s_);
  sqlite3_clear_bindings(s_);
}

const char* Stmt::column_text(int k) const {
  const auto* t = sqlite3_column_text(s_, k);
  return t ? reinterpret_cast<const char*>(t) : "";
}

}  // namespace bm::sqlite
