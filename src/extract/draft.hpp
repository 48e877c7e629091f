#pragma once
// Draft incidents from articles: one incident per place where the text says
// something happened, per date; figures as claims; totals kept as claims
// about the whole conflict. Several articles merge by place and date.
#include <string>
#include <vector>

#include "core/model.hpp"
#include "extract/dates.hpp"
#include "extract/document.hpp"
#include "extract/events.hpp"
#include "extract/figures.hpp"
#include "extract/place_lookup.hpp"
#include "extract/places.hpp"

namespace bm::extract {

struct Evidence {
  std::string source;
  std::size_t begin = 0, end = 0;  // byte offsets into the extracted text
  std::string what;                // place, date, claim, event
  std::string text;
};

struct DraftIncident {
  Incident incident;
  std::vector<Evidence> evidence;
  std::vector<ClaimMention> claim_spans;  // parallel to incident.claims
  std::vector<std::string> weapons;       // written to notes as "weapons: ..."
  // The sentence had no date of its own nor its paragraph's: the date is the
  // lead's, the story's or the week before publication (see the notes).
  bool date_borrowed = false;
};

struct DocExtraction {
  Document doc;
  std::string publication_date;
  std::string date_from;  // text, option, none
  std::vector<DateMention> dates;
  std::vector<PlaceMention> places;
  std::vector<ClaimMention> claims;
  std::vector<std::string> claim_notes;  // parallel to claims: where the claim went
  std::vector<DraftIncident> incidents;
  std::vector<Rejection> rejected;
};

// `default_date`: ISO date used when the text has no dateline (--date).
DocExtraction extract_document(Document doc, const PlaceLookup& lookup,
                               const std::string& default_date);

// The two steps of extract_document: the publication date (the text's
// dateline, the page's meta date, else `default_date`), then the drafts of
// x.doc.text read against x.publication_date.
void date_publication(DocExtraction& x, const std::string& default_date);
void extract_text(DocExtraction& x, const PlaceLookup& lookup);

// Merges the drafts of several articles (same place and dates -> one). The
// drafts are moved out of `docs` (their incidents are left empty). Without
// `keep_evidence` (CSV only) merged drafts keep no evidence spans.
std::vector<DraftIncident> merge_drafts(std::vector<DocExtraction>& docs,
                                        bool keep_evidence = true);

}  // namespace bm::extract
