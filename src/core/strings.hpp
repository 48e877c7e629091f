#pragma once
// Small string helpers every stage uses.
#include <string>
#include <string_view>
#include <vector>

namespace bm {

// "a;b;;c" -> {"a", "b", "c"}: empty pieces are dropped.
std::vector<std::string> split(const std::string& s, char sep);

// Text safe inside XML/HTML elements and quoted attributes: & < > " '.
std::string xml_escape(std::string_view text);

}  // namespace bm
