#pragma once
// bordermap's own incident CSV schema (README, "Incident CSV"): one row per
// incident, claims as a JSON array in the `claims` column.
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "core/model.hpp"

namespace bm {

struct IncidentTable {
  std::vector<Incident> incidents;
  std::vector<Rejection> rejected;
};

// Called after every record a reader reads, with the rows so far: a
// streaming reader hands them on and clears them (memory bounded by a block).
using RowSink = std::function<void(IncidentTable&)>;

// The schema's core columns. write_incidents_csv appends one more,
// `source_fields` (a JSON object of the source's own codes), which readers
// treat as optional; writers of derived tables may append their own.
extern const std::vector<std::string> kIncidentColumns;

// Whether `column` is one our writers put in an incident table: the schema,
// `source_fields`, or a column derived from it (link's stdout, the CSV
// export: place_id, killed_low, segment_id, ...), which readers recompute.
// A table with any other column is the user's own and is read by the
// reader that keeps every column (ingest's "other CSV").
bool is_our_incident_column(const std::string& column);

// Reads our schema; malformed rows go to `rejected` with file:line and a
// reason, the rest are still read. With a sink, rows go to it as they are
// read; the rows it leaves are returned.
IncidentTable read_incidents_csv(std::istream& in, const std::string& name,
                                 const RowSink& sink = {});

void write_incidents_csv(std::ostream& out, const std::vector<Incident>& incidents);

// One incident's kIncidentColumns fields, lon/lat with `decimals` places:
// the start of every row our writers put in an incident table.
std::vector<std::string> incident_fields(const Incident& i, int decimals = 6);

std::string claims_to_json(const std::vector<Claim>& claims);
std::vector<Claim> claims_from_json(const std::string& text);  // throws InputError

}  // namespace bm
