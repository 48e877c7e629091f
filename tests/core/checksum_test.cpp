#include <catch2/catch.hpp>

#include <fstream>

#include "core/checksum.hpp"
#include "core/error.hpp"
#include "support.hpp"

namespace {

void write(const std::filesystem::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("SHA-256 of text and files matches the FIPS 180-2 vectors", "[core][checksum]") {
  CHECK(bm::sha256_text("abc") ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(bm::sha256_text("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  auto dir = bm::test::scratch("checksum_vectors");
  // A million 'a's crosses the reader's buffer boundary.
  write(dir / "a.txt", std::string(1000000, 'a'));
  CHECK(bm::sha256_file((dir / "a.txt").string()) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  CHECK_THROWS_AS(bm::sha256_file((dir / "missing").string()), bm::InputError);
}

TEST_CASE("FileChecksums reads a file once, and again once it was replaced", "[core][checksum]") {
  auto dir = bm::test::scratch("checksum_memo");
  auto path = (dir / "f.txt").string();
  write(path, "abc");
  bm::FileChecksums sums;
  const std::string abc = bm::sha256_text("abc");
  CHECK(sums.sha256(path) == abc);
  CHECK(sums.sha256(path) == abc);
  // Replaced as the report's writers do (a new file renamed over it).
  write(dir / "g.txt", "abd");
  std::filesystem::rename(dir / "g.txt", path);
  CHECK(sums.sha256(path) == bm::sha256_text("abd"));
}
