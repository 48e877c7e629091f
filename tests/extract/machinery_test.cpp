// The extract machinery's hand-written matchers against the rules they replace.
#include <catch2/catch.hpp>

#include <random>
#include <regex>
#include <string>

#include "extract/roles.hpp"

using bm::extract::few_lower_words;

TEST_CASE("few_lower_words matches what its regex matched", "[extract]") {
  const std::regex re("^('s )?([a-z-]+ ){0,2}$");
  for (const char* gap : {"", "'s ", "'s southwestern ", "eastern ", "the far ", "a b c ", "a",
                          "'s", " ", "ab  ", "Big ", "x- -y ", "'s 's ", "in, "})
    CHECK(few_lower_words(gap) == std::regex_match(std::string(gap), re));
  // Random gaps over the letters that matter.
  std::mt19937 rng(21);
  const std::string alphabet = "ab- 's,A";
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1), len(0, 12);
  int matched = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string gap;
    for (std::size_t k = len(rng); k > 0; --k) gap += alphabet[pick(rng)];
    if (n % 3 == 0) gap = "'s " + gap;
    bool want = std::regex_match(gap, re);
    matched += want;
    REQUIRE(few_lower_words(gap) == want);
  }
  CHECK(matched > 100);  // the generator reaches the matching side too
}
