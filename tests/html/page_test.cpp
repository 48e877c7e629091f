#include <catch2/catch.hpp>

#include <regex>

#include "core/error.hpp"
#include "html/map_svg.hpp"
#include "html/page.hpp"

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

const std::string kSvg =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
    "width=\"300pt\" height=\"200pt\" viewBox=\"0 0 300 200\"><rect width=\"300\" "
    "height=\"200\"/></svg>\n";

bm::Incident incident(const std::string& id, const std::string& notes) {
  bm::Incident i;
  i.id = id;
  i.date = {"2022-09-16", "", "day"};
  i.place = "<b>Batken</b>";
  i.event_type = "shelling";
  i.notes = notes;
  i.location = bm::LonLat{70.8, 40.06};
  i.claims.push_back({"killed", 2, 2, false, "KG", "", "ministry <i>", "article", "", "event"});
  return i;
}

}  // namespace

TEST_CASE("the map SVG goes inline: no prolog, no fixed size, a group for the marks", "[html]") {
  std::string svg = bm::html::inline_map_svg(kSvg);
  CHECK(svg.rfind("<svg id=\"bm-svg\"", 0) == 0);
  CHECK(svg.find("<?xml") == std::string::npos);
  CHECK(svg.find("width=\"300pt\"") == std::string::npos);
  CHECK(svg.find("viewBox=\"0 0 300 200\"") != std::string::npos);
  CHECK(svg.find("<rect width=\"300\"") != std::string::npos);  // the drawing is kept
  CHECK(svg.ends_with("<g id=\"bm-marks\"></g></svg>"));
  CHECK_THROWS_AS(bm::html::inline_map_svg("<html></html>"), bm::RenderError);
}

TEST_CASE("a map of very many stamped symbols leaves them to the page", "[html]") {
  std::string svg = "<svg><defs><g id=\"a\"><path d=\"M0 0\"/></g></defs>";
  for (int k = 0; k < 300; ++k)
    svg += "<use xlink:href=\"#a\" transform=\"matrix(1,0,0,1," + std::to_string(k) + ",5)\"/>\n";
  svg += "<use xlink:href=\"#pattern\" x=\"1\"/><text>Vorukh</text></svg>";
  bool dropped = false;
  std::string few = bm::html::drop_mass_stamps(svg, 1000, dropped);
  CHECK_FALSE(dropped);
  CHECK(few == svg);
  std::string many = bm::html::drop_mass_stamps(svg, 100, dropped);
  CHECK(dropped);
  CHECK(many.find("#a\"") == std::string::npos);          // every stamp of the symbol is gone
  CHECK(many.find("<g id=\"a\">") != std::string::npos);  // its definition stays
  CHECK(many.find("#pattern") != std::string::npos);      // a rarely used one stays
  CHECK(many.find("<text>Vorukh</text>") != std::string::npos);
}

TEST_CASE("a page keeps every text as text: notes with <script> cannot run", "[html]") {
  bm::ExportData data;
  data.incidents = {incident("x1", "</script><script>alert(1)</script>"), incident("x2", "plain")};
  data.incidents[1].location.reset();
  bm::html::PageInput in;
  in.title = "Title <i>";
  in.data = &data;
  in.map_svg = kSvg;
  in.marks = {{"incident:x1", 10, 20, 10, 20}};
  in.rejected = {{"in.csv", 3, "x2", "place '<b>Batken</b>' not resolved"}};
  in.downloads = {"incidents.csv"};
  in.manifest = {{"note", "<script>"}};
  std::string page = bm::html::build_page(in);
  CHECK(count(page, "<script") == 2);  // the data block and the page's own script
  CHECK(count(page, "</script>") == 2);
  CHECK(page.find("<title>Title &lt;i&gt;</title>") != std::string::npos);
  CHECK(page.find("place &#39;&lt;b&gt;Batken&lt;/b&gt;&#39; not resolved") != std::string::npos);
  CHECK(page.find("<a href=\"incidents.csv\" download>") != std::string::npos);
  CHECK(page.find("Content-Security-Policy") != std::string::npos);
  CHECK(page.find("src=\"http") == std::string::npos);
  CHECK(page.find("href=\"http") == std::string::npos);

  // The data block reads back whole, with the reason the incident is unmapped.
  std::smatch m;
  REQUIRE(std::regex_search(
      page, m, std::regex(R"re(<script type="application/json" id="bm-data">([^<]*)</script>)re")));
  auto json = nlohmann::json::parse(m[1].str());
  REQUIRE(json["incidents"].size() == 2);
  CHECK(json["incidents"][0]["notes"] == "</script><script>alert(1)</script>");
  CHECK(json["incidents"][0]["xy"] == nlohmann::json::array({10.0, 20.0}));
  CHECK(json["incidents"][0]["claims"][0]["claimant"] == "ministry <i>");
  CHECK(!json["incidents"][0].contains("unmapped"));
  CHECK(json["incidents"][1]["unmapped"] == "place '<b>Batken</b>' not resolved");
}
