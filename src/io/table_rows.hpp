#pragma once
// The record loop every CSV backend shares: a record that cannot be used
// becomes a Rejection with file:line and the reason; the rest are read.
#include <string>

#include "core/error.hpp"
#include "io/csv.hpp"
#include "io/incidents_csv.hpp"

namespace bm::io {

template <class Parse>
IncidentTable read_rows(csv::Table& t, const std::string& id_column, Parse parse,
                        const RowSink& sink = {}) {
  IncidentTable out;
  for (;; sink ? sink(out) : void()) {  // after every record, read or rejected
    try {
      if (!t.next()) break;
    } catch (const InputError& e) {
      // The reader's message already starts with file:line.
      out.rejected.push_back({t.name(), t.line(), "", e.what(), true});
      continue;
    }
    try {
      if (t.width() != t.header().size())
        throw InputError("has " + std::to_string(t.width()) + " fields, the header has " +
                         std::to_string(t.header().size()) + " — check quoting");
      out.incidents.push_back(parse(t));
    } catch (const InputError& e) {
      out.rejected.push_back({t.name(), t.line(), t.get(id_column), e.what(), true});
    }
  }
  return out;
}

}  // namespace bm::io
