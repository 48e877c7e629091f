#pragma once
// Finding our fields among a source's (OGR layer or other CSV): by --map,
// else by the names analysts' tables commonly use; and reading their values.
#include <ogrsf_frmts.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ingest/dates.hpp"
#include "ingest/ingest.hpp"

namespace bm::ingest {

// Our field -> the layer's field index; looked up by const char* per
// feature without building a std::string.
using FieldMap = std::map<std::string, int, std::less<>>;

// Our field -> the layer's field index (--map first, then common names);
// throws UsageError on a --map field the layer does not have.
FieldMap map_fields(OGRFeatureDefn& defn, const Options& o, const std::string& name);

// Throws InputError when a table without geometry names none of the
// columns that locate a record (its first row is not a header).
void require_known_field(OGRFeatureDefn& defn, const FieldMap& m, const std::string& name);

// Per field: whether it is one of our schema's columns (the others are the
// user's own, kept in source_fields).
std::vector<bool> our_columns(OGRFeatureDefn& defn, const FieldMap& m);

// A CSV header as field names every export can write (unique, none blank).
std::vector<std::string> field_names(const std::vector<std::string>& header);

// One record's fields as the mapping reads them: an OGR feature, or a row
// of our own CSV reader (no OGRFeature per row: building and freeing one
// was a third of reading a 1M-row CSV).
class Fields {
 public:
  virtual ~Fields() = default;
  virtual long fid() const = 0;
  virtual int count() const = 0;
  virtual bool has(int i) const = 0;          // set and not null
  virtual std::string text(int i) const = 0;  // as OGRFeature::GetFieldAsString
  virtual const char* name(int i) const = 0;
  virtual const OGRGeometry* geometry() const { return nullptr; }
  // A Date or DateTime field's day as YYYY-MM-DD; nullopt for other types.
  virtual std::optional<std::string> typed_date(int) const { return std::nullopt; }
};

class OgrFields : public Fields {
 public:
  explicit OgrFields(OGRFeature& f) : f_(f) {}
  long fid() const override { return static_cast<long>(f_.GetFID()); }
  int count() const override { return f_.GetFieldCount(); }
  bool has(int i) const override { return f_.IsFieldSetAndNotNull(i); }
  std::string text(int i) const override { return f_.GetFieldAsString(i); }
  const char* name(int i) const override { return f_.GetFieldDefnRef(i)->GetNameRef(); }
  const OGRGeometry* geometry() const override { return f_.GetGeometryRef(); }
  std::optional<std::string> typed_date(int i) const override;

 private:
  OGRFeature& f_;
};

// The trimmed text of our field `key`, "" when unmapped or null.
std::string value(const Fields& f, const FieldMap& m, const char* key);
// Our date field `key`: a day (first == last, precision ""), or a month or
// year alone as its first and last day; all empty when unmapped or null.
// Throws InputError on a non-date.
Period date_value(const Fields& f, const FieldMap& m, const char* key);

}  // namespace bm::ingest
