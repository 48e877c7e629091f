#pragma once
// The pushed-down link's staged tables (densified segment pieces, the
// countries' parts cut small) cost seconds to make, most of it
// ST_Subdivide over the world's countries, and are the same from run to
// run while the segments and countries are. So they are kept in the schema
// bordermap_cache, named by a checksum of the SQL that makes them and of
// the rows of the tables it reads: a changed source row or a changed SQL
// makes a new name, and the older table of the same kind and sources is
// dropped. Where the role may not create that schema (or with the cache
// off) they are session-temporary tables, as before.
#include <gdal_priv.h>

#include <map>
#include <string>
#include <vector>

namespace bm::db {

inline const char* kCacheSchema = "bordermap_cache";

class Stager {
 public:
  Stager(GDALDataset& ds, bool cache) : ds_(ds), cache_(cache) {}

  // A table of the rows of `select` (which reads `sources`), with an index
  // for each of `indexes` ("USING gist (geom)", "(part)"), analysed.
  // Returns its name ("schema.table" when cached; for quote_table).
  std::string stage(const std::string& kind, const std::string& select,
                    const std::vector<std::string>& sources,
                    const std::vector<std::string>& indexes);
  // How many tables came from the cache and how many were made.
  int reused() const { return reused_; }
  int made() const { return made_; }

 private:
  std::string checksum(const std::string& table);
  std::string temporary(const std::string& kind, const std::string& select,
                        const std::vector<std::string>& indexes);
  bool cached(const std::string& name, const std::string& note, const std::string& select,
              const std::vector<std::string>& indexes);
  void drop_older(const std::string& name, const std::string& note);
  GDALDataset& ds_;
  bool cache_;
  std::map<std::string, std::string> sums_;  // table -> checksum of its rows
  int reused_ = 0, made_ = 0;
};

}  // namespace bm::db
