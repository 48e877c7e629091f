#pragma once
// Small string helpers every stage uses.
#include <string>
#include <vector>

namespace bm {

// "a;b;;c" -> {"a", "b", "c"}: empty pieces are dropped.
std::vector<std::string> split(const std::string& s, char sep);

}  // namespace bm
