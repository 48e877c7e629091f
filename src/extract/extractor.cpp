#include "extract/extractor.hpp"

#include "extract/lexicon.hpp"
#include "gazetteer/normalize.hpp"
#include "geodata/bundle.hpp"

namespace bm::extract {

std::map<std::string, std::string> country_names(const Bundle& bundle) {
  std::map<std::string, std::string> out;
  for (const Country& c : bundle.countries()) {
    if (c.iso2.empty() || c.iso2 == "-99") continue;
    out[normalize_name(c.name)] = c.iso2;
  }
  return out;
}

ExtractResult extract_all(const std::vector<Document>& docs, const PlaceLookup& lookup,
                          const std::string& default_date) {
  ExtractResult r;
  for (const Document& d : docs) r.docs.push_back(extract_document(d, lookup, default_date));
  r.drafts = merge_drafts(r.docs);
  return r;
}

ExtractResult extract_files(const std::vector<std::string>& files, const PlaceLookup& lookup,
                            const std::string& default_date, bool keep_text) {
  ExtractResult r;
  for (const std::string& f : files) {
    DocExtraction x = extract_document(load_document(f), lookup, default_date);
    if (!keep_text) {
      // The drafts carry their own evidence; the article itself can go.
      x.doc.text = std::string();
      x.places = {};
      x.dates = {};
      x.claims = {};
      x.claim_notes = {};
    }
    r.docs.push_back(std::move(x));
  }
  r.drafts = merge_drafts(r.docs);
  return r;
}

}  // namespace bm::extract
