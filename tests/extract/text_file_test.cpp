// A long plain text written only to CSV is read a section at a time from
// its file: the same sections, drafts and refusals as the text read whole.
#include <catch2/catch.hpp>

#include <fstream>
#include <random>

#include "extract/extractor.hpp"
#include "extract/fixture_gazetteers.hpp"
#include "extract/sections.hpp"
#include "extract/text_file.hpp"
#include "support.hpp"

using namespace bm;
using namespace bm::extract;

namespace {

std::string write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

// Every section FileSections gives, as [begin, end).
std::vector<std::pair<std::size_t, std::size_t>> file_bounds(const std::string& path,
                                                             std::size_t size, std::size_t chunk) {
  auto file = TextFile::open_long(path, 0);
  REQUIRE(file);
  FileSections next(*file, size, chunk);
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t begin = 0;
  std::string piece;
  while (next(begin, piece)) out.emplace_back(begin, begin + piece.size());
  return out;
}

}  // namespace

TEST_CASE("FileSections cuts a file where section_bounds cuts its text", "[extract]") {
  auto dir = test::scratch("text_file_bounds");
  std::mt19937 rng(19);
  const std::string alphabet = "ab\n\n\n ";
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1), len(1, 300);
  for (std::size_t n = 0; n < 400; ++n) {
    std::string text;
    for (std::size_t k = len(rng); k > 0; --k) text += alphabet[pick(rng)];
    // Long stretches without a blank line, so a cut must read further.
    if (n % 2) text.insert(text.size() / 3, std::string(len(rng), 'c'));
    std::string path = write(dir / "t.txt", text);
    const std::size_t size = 1 + n % 40, chunk = 1 + n % 17;
    INFO("text " << n << " size " << size << " chunk " << chunk);
    REQUIRE(file_bounds(path, size, chunk) == section_bounds(text, size));
  }
}

TEST_CASE("a long text read from its file drafts what the text read whole drafts", "[extract]") {
  const PlaceLookup& lookup = test::bundle_lookup();
  std::string a = test::slurp(test::data("extract/armenia_toll.txt"));
  std::string b = test::slurp(test::data("extract/afghanistan_pakistan.txt"));
  std::string whole = a + "\n\n" + b + "\n\n" + a;
  std::string path = write(test::scratch("text_file_drafts") / "feed.txt", whole);
  auto file = TextFile::open_long(path, 100);
  REQUIRE(file);
  DocExtraction streamed = extract_file_in_sections(*file, path, lookup, "2022-09-16", a.size());
  DocExtraction held =
      extract_in_sections(Document{path, whole, false, {}}, lookup, "2022-09-16", false, a.size());
  CHECK(streamed.publication_date == held.publication_date);
  REQUIRE(streamed.incidents.size() == held.incidents.size());
  REQUIRE(!held.incidents.empty());
  for (std::size_t i = 0; i < held.incidents.size(); ++i) {
    const Incident& s = streamed.incidents[i].incident;
    const Incident& h = held.incidents[i].incident;
    CHECK(s.place == h.place);
    CHECK(s.date.start == h.date.start);
    CHECK(s.notes == h.notes);
    CHECK(s.claims.size() == h.claims.size());
  }
  CHECK(streamed.rejected.size() == held.rejected.size());
}

TEST_CASE("a long text read from its file is refused as load_document refuses it", "[extract]") {
  const PlaceLookup& lookup = test::bundle_lookup();
  auto dir = test::scratch("text_file_refused");
  std::string a = test::slurp(test::data("extract/armenia_toll.txt"));
  std::string big;
  while (big.size() < kSectionBytes + 1000) big += a + "\n\n";
  std::string late_bad = big;
  late_bad.insert(kSectionBytes + 500, "\xC3(");  // not UTF-8, in the second section
  std::string nul = big;
  nul[kSectionBytes + 700] = '\0';
  for (const std::string& text : {late_bad, nul}) {
    std::string path = write(dir / "long.txt", text);
    ExtractResult streamed = extract_files({path}, lookup, "2024-01-01", false);
    ExtractResult held = extract_files({path}, lookup, "2024-01-01", true);
    REQUIRE(streamed.docs.size() == 1);
    REQUIRE(streamed.docs[0].rejected.size() == 1);
    REQUIRE(held.docs[0].rejected.size() == 1);
    CHECK(streamed.docs[0].rejected[0].reason == held.docs[0].rejected[0].reason);
    CHECK(streamed.drafts.empty());
  }
  // Short, HTML or a BOM: the whole-file reader's.
  CHECK_FALSE(TextFile::open_long(write(dir / "short.txt", a), kSectionBytes));
  CHECK_FALSE(TextFile::open_long(write(dir / "bom.txt", "\xEF\xBB\xBF" + big), kSectionBytes));
  CHECK_FALSE(TextFile::open_long(write(dir / "page.txt", "<html><p>" + big), kSectionBytes));
}
