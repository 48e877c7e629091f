#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>

#include <nlohmann/json.hpp>

#include "core/checksum.hpp"
#include "core/error.hpp"
#include "html/periods.hpp"
#include "pipeline/chain.hpp"
#include "pipeline/map_data.hpp"
#include "render/compare.hpp"
#include "report/report.hpp"
#include "support.hpp"

namespace {

std::vector<bm::Incident> dated(const std::vector<std::string>& starts) {
  std::vector<bm::Incident> out;
  for (std::size_t k = 0; k < starts.size(); ++k) {
    bm::Incident i;
    i.id = "i" + std::to_string(k);
    i.date.start = starts[k];
    out.push_back(i);
  }
  return out;
}

std::vector<bm::MapIncident> on_map(const std::vector<bm::Incident>& incidents) {
  std::vector<bm::MapIncident> out;
  for (const auto& i : incidents) out.push_back({&i, nullptr, static_cast<int>(out.size()) + 1});
  return out;
}

std::string keys(const std::vector<bm::html::Period>& periods) {
  std::string out;
  for (const auto& p : periods) out += p.key + ":" + std::to_string(p.incidents.size()) + " ";
  return out;
}

}  // namespace

TEST_CASE("incidents fall in the day or Monday-first week their date starts", "[html][periods]") {
  auto incidents = dated(
      {"2022-09-16", "2022-09-14", "", "2022-09-16", "2022-09-18", "2022-09-19", "2022-13-40"});
  auto mapped = on_map(incidents);
  CHECK(keys(bm::html::split_periods(mapped, "day")) ==
        "2022-09-14:1 2022-09-16:2 2022-09-18:1 2022-09-19:1 undated:2 ");
  auto weeks = bm::html::split_periods(mapped, "week");
  CHECK(keys(weeks) == "2022-09-12:4 2022-09-19:1 undated:2 ");
  CHECK(weeks[0].label == "week of 2022-09-12");
  CHECK_THROWS_AS(bm::html::split_periods(mapped, "month"), bm::UsageError);
}

// The bundled September 2022 report by day: one map per day that began an
// incident, all drawn with one projection and scale; the structure is a
// golden file (tests/html/golden/by_day.txt; BORDERMAP_UPDATE_GOLDEN=1).
TEST_CASE("report --by day draws the bundled days on maps of one extent", "[html][periods]") {
  auto dir = bm::test::scratch("html_by_day");
  bm::ReportOptions o;
  o.out_dir = dir.string();
  o.formats = {"png"};
  o.by = "day";
  auto r = bm::run_report(o);
  std::string page = bm::test::slurp(dir / "report.html");
  std::string found;
  std::regex caption(R"re(<figcaption>([^<]*)</figcaption>)re");
  for (auto it = std::sregex_iterator(page.begin(), page.end(), caption);
       it != std::sregex_iterator(); ++it)
    found += (*it)[1].str() + "\n";
  for (const char* day : {"2022-09-14", "2022-09-16", "2022-09-17"}) {
    CHECK(std::filesystem::exists(dir / "by-day" / (std::string(day) + ".png")));
    CHECK(found.find(day) != std::string::npos);
  }
  CHECK(std::count(page.begin(), page.end(), '\n') > 10);
  CHECK(page.find("data:image/png;base64,iVBORw0KGgo") != std::string::npos);
  std::string golden = bm::test::data("../html/golden/by_day.txt");
  if (const char* u = std::getenv("BORDERMAP_UPDATE_GOLDEN"); u && std::string(u) == "1") {
    std::ofstream(golden, std::ios::binary) << found;
    WARN("updated " << golden);
  }
  CHECK(found == bm::test::slurp(golden));
  // The sheet: every day's map on one page, compared with its golden PNG
  // (a pixel differs when a channel is off by more than 24 of 255; at most
  // 0.2 % may differ). Look at it after BORDERMAP_UPDATE_GOLDEN=1.
  const auto sheet = dir / "by-day.png";
  REQUIRE(std::filesystem::exists(sheet));
  const std::string sheet_golden = bm::test::data("../html/golden/by_day_sheet.png");
  if (const char* u = std::getenv("BORDERMAP_UPDATE_GOLDEN"); u && std::string(u) == "1")
    std::filesystem::copy_file(sheet, sheet_golden,
                               std::filesystem::copy_options::overwrite_existing);
  // The sheet is drawn while the data files are written; the manifest sums
  // it whole.
  auto manifest = nlohmann::json::parse(bm::test::slurp(dir / "manifest.json"));
  std::string summed;
  for (const auto& e : manifest["outputs"])
    if (e.value("path", "") == "by-day.png") summed = e["sha256"];
  CHECK(summed == bm::sha256_file(sheet.string()));
  bm::PngDiff d = bm::compare_png(sheet.string(), sheet_golden, 24);
  INFO(d.width_a << "x" << d.height_a << " drawn, " << d.width_b << "x" << d.height_b << " golden; "
                 << d.differing << " pixels differ; drawn file " << sheet.string());
  CHECK(d.fraction < 0.002);
}

TEST_CASE("every period's map shares the projection and the scale bar", "[html][periods]") {
  auto dir = bm::test::scratch("html_by_week");
  bm::Chain chain = bm::run_chain(bm::ChainOptions{});
  bm::MapData data = bm::report_map_data(chain, {});
  std::vector<std::string> written;
  auto maps = bm::html::write_period_maps(data, bm::load_style("report"), "day", dir.string(),
                                          {"svg"}, written);
  REQUIRE(maps.size() >= 3);
  CHECK(written.size() == maps.size() + 1);  // and the sheet of them all
  CHECK(written.back() == (dir / "by-day.svg").string());
  CHECK(std::filesystem::file_size(written.back()) > 10000);
  // One legend: the whole set's, although the days draw different events.
  REQUIRE(!maps.front().legend.empty());
  for (const auto& m : maps) {
    CHECK(m.projection == maps.front().projection);
    CHECK(m.scale_bar_points == Approx(maps.front().scale_bar_points));
    CHECK(m.legend == maps.front().legend);
    CHECK(m.image_uri.rfind("data:image/svg+xml;base64,", 0) == 0);
  }
}
