#pragma once
#include <string>
#include <string_view>

namespace bm {

// The key names are compared by: any script to Latin, diacritics folded,
// lower case, every run of non-alphanumerics turned into one space.
std::string normalize_name(std::string_view name);

}  // namespace bm
