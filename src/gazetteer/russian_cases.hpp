#pragma once
// Nominative forms of a Russian place phrase written in an oblique case.
#include <string>
#include <string_view>
#include <vector>

namespace bm {

// Lower-case candidate nominatives of `name` when it has Cyrillic letters
// (else none): leading prepositions and settlement words dropped ("в селе",
// "из"), then every combination of each word as written and with a case
// ending replaced ("Баткенской области" -> "баткенская область", "Исфары" ->
// "исфара", "Воруха" -> "ворух"), the words as written first. Most forms are
// not words; the caller keeps one only when the gazetteer holds it.
std::vector<std::string> nominative_forms(std::string_view name);

}  // namespace bm
