// A long text is extracted in sections cut at paragraph breaks: every
// offset of the result indexes into the whole text, and each section's
// drafts are those of the section read alone against the first date.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "extract/extractor.hpp"
#include "extract/fixture_gazetteers.hpp"
#include "extract/sections.hpp"

using namespace bm;
using namespace bm::extract;

namespace {

std::string read(const std::string& name) {
  std::ifstream in(std::string(BORDERMAP_TEST_DATA) + "/extract/" + name);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("section_bounds cut at blank lines, else line breaks, and cover the text", "[extract]") {
  std::string text = "aaaa\nbb\n\ncccc\n\ndd";
  auto cuts = section_bounds(text, 3);
  REQUIRE(cuts.size() == 3);
  CHECK(text.substr(cuts[0].first, cuts[0].second) == "aaaa\nbb\n\n");
  CHECK(text.substr(cuts[1].first, cuts[1].second - cuts[1].first) == "cccc\n\n");
  CHECK(text.substr(cuts[2].first) == "dd");
  CHECK(section_bounds("one line, no break", 4).size() == 1);
  auto lines = section_bounds("ab\ncd\nef", 1);
  REQUIRE(lines.size() == 3);
  CHECK(lines[1] == std::pair<std::size_t, std::size_t>{3, 6});
}

TEST_CASE("extract_in_sections: offsets into the whole text, drafts of each section", "[extract]") {
  const PlaceLookup& lookup = test::bundle_lookup();
  std::string a = read("armenia_toll.txt");
  std::string b = read("afghanistan_pakistan.txt");
  std::string whole = a + "\n\n" + b;
  Document doc{"feed.txt", whole, false, {}};
  DocExtraction x = extract_in_sections(doc, lookup, "2022-09-16", true, a.size());
  CHECK(x.publication_date == "2022-09-15");  // the first section's dateline
  REQUIRE(!x.places.empty());
  for (const PlaceMention& m : x.places) CHECK(whole.substr(m.begin, m.end - m.begin) == m.text);
  for (const DateMention& d : x.dates) CHECK(whole.substr(d.begin, d.end - d.begin) == d.text);
  std::size_t spans_after_cut = 0;
  for (const DraftIncident& d : x.incidents)
    for (const Evidence& e : d.evidence)
      if (e.what == "place" || e.what == "date") {
        CHECK(whole.substr(e.begin, e.end - e.begin) == e.text);
        spans_after_cut += e.begin > a.size();
      }
  CHECK(spans_after_cut > 0);
  // The second section alone, read against the first section's date.
  DocExtraction second;
  second.doc = Document{"feed.txt", whole.substr(a.size() + 2), false, {}};
  second.publication_date = "2022-09-15";
  second.date_from = "text";
  extract_text(second, lookup);
  DocExtraction first = extract_document(Document{"feed.txt", a + "\n\n", false, {}}, lookup, "");
  CHECK(x.incidents.size() == first.incidents.size() + second.incidents.size());
  bool after_cut = false;
  for (const PlaceMention& m : x.places) after_cut = after_cut || m.begin > a.size();
  CHECK(after_cut);
}
