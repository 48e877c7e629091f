// Options a user gets wrong: each is a usage error (exit 2) naming the
// option and what it takes, never a PROJ or Cairo message, an exit 1, or an
// option silently ignored; an output that is also an input is refused.
#include <catch2/catch.hpp>

#include <filesystem>

#include "run_binary.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using bm::test::bordermap;
using bm::test::Run;

namespace {

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a --bbox with NaN, beyond ±180/±90 or inverted is a usage error saying which",
          "[io][bad_option]") {
  auto dir = bm::test::scratch("bad_bbox");
  const std::string in = bm::test::data("bad_inputs/dms_dates.csv");
  struct Case {
    std::string box, says;
  };
  for (const Case& c :
       {Case{"nan,40,71,41", "each minimum below its maximum"},
        Case{"170,40,190,41", "within ±180"}, Case{"71,41,70,40", "each minimum below its maximum"},
        Case{"70,40,71", "four numbers"}}) {
    Run r = bordermap("render " + in + " --bbox " + c.box + " -o " + (dir / "m.svg").string(), dir);
    INFO(c.box << "\n" << r.err);
    CHECK(r.code == 2);
    CHECK(has(r.err, "--bbox '" + c.box + "'"));
    CHECK(has(r.err, c.says));
  }
}

TEST_CASE("a map --size beyond what a PDF or PNG can hold is a usage error", "[io][bad_option]") {
  auto dir = bm::test::scratch("bad_size");
  const std::string in = bm::test::data("bad_inputs/dms_dates.csv");
  Run r = bordermap("render " + in + " --size 100000x100000 -o " + (dir / "m.png").string(), dir);
  CHECK(r.code == 2);
  CHECK(has(r.err, "at most 14400x14400 points"));
  r = bordermap("render " + in + " --size 14000x14000 --dpi 300 -o " + (dir / "m.png").string(),
                dir);
  INFO(r.err);
  CHECK(r.code == 2);  // 58333 pixels a side: was exit 1 with Cairo's "invalid value"
  CHECK(has(r.err, "58333x58333 pixels is more than a PNG map can be"));
  CHECK_FALSE(fs::exists(dir / "m.png"));
}

TEST_CASE("link refuses --segments and --summary where it would ignore them", "[io][bad_option]") {
  auto dir = bm::test::scratch("bad_link_opts");
  const std::string in = bm::test::data("bad_inputs/dms_dates.csv");
  Run r = bordermap("link " + in + " --segments /etc/passwd -o -", dir);
  CHECK(r.code == 2);
  CHECK(has(r.err, "--segments and --summary apply to the links table"));
  r = bordermap("link " + in + " --segments /etc/passwd -o " + (dir / "l.csv").string(), dir);
  CHECK(r.code == 1);
  CHECK(has(r.err, "/etc/passwd: cannot open as vector data"));
}

TEST_CASE("an output that is also an input is refused and the input is untouched",
          "[io][bad_option]") {
  auto dir = bm::test::scratch("bad_same_file");
  const fs::path in = dir / "in.csv";
  fs::copy_file(bm::test::data("bad_inputs/dms_dates.csv"), in);
  const std::string before = bm::test::slurp(in);
  for (const std::string& cmd :
       {"link " + in.string() + " -o " + in.string(),
        "ingest " + in.string() + " -o " + in.string(),
        "export " + in.string() + " -o " + in.string(),
        "export " + in.string() + " -o " + (dir / "." / "in.csv").string()}) {
    Run r = bordermap(cmd, dir);
    INFO(cmd << "\n" << r.err);
    CHECK(r.code == 2);
    CHECK(has(r.err, "is also an input of this run"));
    CHECK(bm::test::slurp(in) == before);
  }
}

TEST_CASE("a --crs PROJ only guesses at, or one with no 2D map, is a usage error",
          "[io][bad_option]") {
  auto dir = bm::test::scratch("bad_crs");
  const std::string in = bm::test::data("bad_inputs/dms_dates.csv");
  struct Case {
    std::string crs, says;
  };
  // "foo" is Amersfoort to PROJ's approximate name search; EPSG:4978 is geocentric.
  for (const Case& c : {Case{"foo", "not a CRS name"}, Case{"EPSG:4978", "not a 2D map projection"},
                        Case{"EPSG:9999999", "not understood by PROJ"}}) {
    Run r = bordermap("render " + in + " --crs " + c.crs + " -o " + (dir / "m.svg").string(), dir);
    INFO(c.crs << "\n" << r.err);
    CHECK(r.code == 2);
    CHECK(has(r.err, "'" + c.crs + "'"));
    CHECK(has(r.err, c.says));
    CHECK_FALSE(fs::exists(dir / "m.svg"));
  }
  for (const std::string ok : {"EPSG:32642", "WGS 84", "'+proj=utm +zone=42 +datum=WGS84'"}) {
    Run r = bordermap("render " + in + " --crs " + (ok == "WGS 84" ? "'WGS 84'" : ok) + " -o " +
                          (dir / "ok.svg").string(),
                      dir);
    INFO(ok << "\n" << r.err);
    CHECK(r.code != 2);
  }
}
