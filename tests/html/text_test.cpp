#include <catch2/catch.hpp>

#include "html/text.hpp"

using namespace bm::html;

TEST_CASE("escape turns markup characters into entities", "[html]") {
  CHECK(escape("<script>alert('x') & \"y\"</script>") ==
        "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
  CHECK(escape("Kök-Tash") == "Kök-Tash");
}

TEST_CASE("JSON in a script element cannot close it and reads back the same", "[html]") {
  nlohmann::json v = {{"notes", "</script><script>alert(1)</script><!-- & -->"}};
  std::string text = script_json(v);
  CHECK(text.find('<') == std::string::npos);
  CHECK(text.find('>') == std::string::npos);
  CHECK(text.find('&') == std::string::npos);
  CHECK(nlohmann::json::parse(text) == v);
}

TEST_CASE("base64 matches RFC 4648's test vectors", "[html]") {
  CHECK(base64("") == "");
  CHECK(base64("f") == "Zg==");
  CHECK(base64("fo") == "Zm8=");
  CHECK(base64("foo") == "Zm9v");
  CHECK(base64("foob") == "Zm9vYg==");
  CHECK(base64("fooba") == "Zm9vYmE=");
  CHECK(base64("foobar") == "Zm9vYmFy");
  CHECK(base64(std::string("\xff\x00\x80", 3)) == "/wCA");
}

TEST_CASE("only http and https addresses in a source become links", "[html]") {
  CHECK(first_web_address("BBC (https://www.bbc.com/news/x-1?a=2), 2022-09-17") ==
        "https://www.bbc.com/news/x-1?a=2");
  CHECK(first_web_address("see http://example.org/a;b") == "http://example.org/a");
  CHECK(first_web_address("javascript:alert(1)").empty());
  CHECK(first_web_address("001_2f0752297e2a6e5d.txt (outlet not named)").empty());
}
