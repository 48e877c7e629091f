# Writes OUT, a C++ file defining bm::html::kPageCss and kPageJs from the
# files CSS and JS (JS_FIRST, when given, goes before JS: helpers it calls), so the page's assets stay plain files in the repository
# and need no tool at run time. Run by CMake at build time (cmake -P).
file(READ "${CSS}" css)
file(READ "${JS}" js)
if(JS_FIRST)
  file(READ "${JS_FIRST}" first)
  string(PREPEND js "${first}")
endif()
foreach(text IN ITEMS css js)
  # Neither may end the raw string it is put in, nor the element it sits in.
  foreach(bad IN ITEMS ")BMASSET\"" "</script" "</style" "<!--")
    string(FIND "${${text}}" "${bad}" clash)
    if(NOT clash EQUAL -1)
      message(FATAL_ERROR "the page's ${text} contains '${bad}', which would end it early")
    endif()
  endforeach()
endforeach()
file(WRITE "${OUT}.tmp" "// Generated from src/html/assets/ by embed.cmake; do not edit.\n"
  "#include \"html/assets.hpp\"\n\nnamespace bm::html {\n\n"
  "const std::string_view kPageCss = R\"BMASSET(${css})BMASSET\";\n\n"
  "const std::string_view kPageJs = R\"BMASSET(${js})BMASSET\";\n\n}  // namespace bm::html\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
