#pragma once
// A small SQLite wrapper for the GeoPackage writers that bypass GDAL
// (gpkg_rows.cpp, gpkg_rtree.cpp): one connection, prepared statements,
// every failure an ExportError naming the target and what was being done.
#include <sqlite3.h>

#include <cstdint>
#include <string>

namespace bm::sqlite {

// An SQL identifier ("name") or string literal ('text'), quotes doubled.
std::string quoted(const std::string& name);
std::string literal(const std::string& text);

class Db {
 public:
  // `doing` names the step in messages ("write the spatial index").
  Db(const std::string& path, const std::string& target, std::string doing);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  void exec(const std::string& sql);
  sqlite3* get() const { return db_; }
  [[noreturn]] void fail(const std::string& what) const;

 private:
  std::string target_, doing_;
  sqlite3* db_ = nullptr;
};

class Stmt {
 public:
  Stmt(Db& db, const std::string& sql);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  // Steps once: true while it yields rows.
  bool next();
  // Runs an INSERT with these values.
  template <class... V>
  void insert(V... values) {
    int k = 0;
    (bind(++k, values), ...);
    next();
    sqlite3_reset(s_);
  }
  // Runs the statement with the values bound so far, then clears them.
  void run();
  sqlite3_stmt* get() const { return s_; }
  const char* column_text(int k) const;

 private:
  void bind(int k, std::int64_t v) { sqlite3_bind_int64(s_, k, v); }
  void bind(int k, const std::string& v) {
    sqlite3_bind_blob(s_, k, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void bind(int k, const char* v) { sqlite3_bind_text(s_, k, v, -1, SQLITE_TRANSIENT); }
  Db& db_;
  sqlite3_stmt* s_ = nullptr;
};

}  // namespace bm::sqlite
