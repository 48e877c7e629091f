#pragma once
// Writes drafts: our incident CSV (ingest/incidents_csv) or JSON with every
// place, date, claim and event span (byte offsets into the extracted text).
#include <iosfwd>
#include <vector>

#include "extract/draft.hpp"

namespace bm::extract {

void write_drafts_json(std::ostream& out, const std::vector<DocExtraction>& docs,
                       const std::vector<DraftIncident>& drafts);
void write_drafts_csv(std::ostream& out, const std::vector<DraftIncident>& drafts);

}  // namespace bm::extract
