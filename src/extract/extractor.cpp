#include "extract/extractor.hpp"

#include "core/error.hpp"
#include "extract/lexicon.hpp"
#include "extract/sections.hpp"
#include "extract/text_file.hpp"
#include "gazetteer/normalize.hpp"
#include "geodata/bundle.hpp"

namespace bm::extract {

namespace {

// Official and short forms news use beside the names the bundle spells
// ("Kyrgyzstan"): the long forms that do not follow "Republic of X", and
// short ones. Matched whole and exactly, never by sound.
const std::pair<const char*, const char*> kOtherCountryNames[] = {
    {"Kyrgyz Republic", "KG"},
    {"United States", "US"},
    {"United States of America", "US"},
    {"US", "US"},
    {"USA", "US"},
    {"Britain", "GB"},
    {"Great Britain", "GB"},
    {"UK", "GB"},
    {"United Kingdom", "GB"},
    {"Russian Federation", "RU"},
    {"People's Republic of China", "CN"},
    {"Islamic Republic of Afghanistan", "AF"},
    {"Islamic Republic of Pakistan", "PK"},
    {"Federal Democratic Republic of Ethiopia", "ET"},
    {"Kingdom of Thailand", "TH"},
    {"Kingdom of Cambodia", "KH"}};

}  // namespace

std::map<std::string, std::string> country_names(const Bundle& bundle) {
  std::map<std::string, std::string> out;
  for (const Country& c : bundle.countries()) {
    if (c.iso2.empty() || c.iso2 == "-99") continue;
    out[normalize_name(c.name)] = c.iso2;
    // "Republic of Tajikistan", "Republic of Armenia"
    out.emplace(normalize_name("Republic of " + c.name), c.iso2);
  }
  for (const auto& [name, iso] : kOtherCountryNames) out.emplace(normalize_name(name), iso);
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
    DocExtraction x;
    try {
      // CSV only: a long plain text is read a section at a time, never whole.
      if (auto file = keep_text ? nullptr : TextFile::open_long(f, kSectionBytes)) {
        x = extract_file_in_sections(*file, f, lookup, default_date);
      } else {
        Document doc = load_document(f);
        x = doc.text.size() > kSectionBytes
                ? extract_in_sections(std::move(doc), lookup, default_date, keep_text)
                : extract_document(std::move(doc), lookup, default_date);
      }
    } catch (const InputError& e) {
      // One unreadable article is rejected; the others are still read.
      x.doc.source = f;
      x.date_from = "unread";
      x.rejected.push_back({f, 0, f, e.what(), true});
    }
    if (!keep_text) {
      // The drafts carry their own evidence; the article itself can go.
      x.doc.text = std::string();
      x.places = {};
      x.dates = {};
      x.claims = {};
      x.claim_notes = {};
      drop_evidence(x);
    }
    r.docs.push_back(std::move(x));
  }
  r.drafts = merge_drafts(r.docs, keep_text);
  return r;
}

}  // namespace bm::extract
