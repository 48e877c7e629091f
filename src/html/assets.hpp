#pragma once
// The page's stylesheet and script, written by us in src/html/assets/ and
// embedded at build time (src/html/assets/embed.cmake).
#include <string_view>

namespace bm::html {

extern const std::string_view kPageCss;
extern const std::string_view kPageJs;

}  // namespace bm::html
