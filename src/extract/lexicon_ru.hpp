#pragma once
// Russian words for the same passes as English: months in the genitive
// ("16 сентября 2022 года"), casualty words in their forms (погибли, ранены,
// эвакуированы), number words, country stems (кыргызских, таджикской),
// verbs of saying. Every lookup takes a lower-case word (text.cpp lowers
// Cyrillic with ICU) and answers empty/0 when the word is not Russian.
#include <optional>
#include <string>
#include <string_view>

namespace bm::extract::lex::ru {

int month(std::string_view w);
std::string casualty_kind(std::string_view w);
std::optional<long> number_word(std::string_view w);
long scale(std::string_view w);  // тысяч -> 1000; 0 if none
std::string country_word(std::string_view w);
bool speech_verb(std::string_view w);
bool border_noun(std::string_view w);  // граница in its forms

// Lower case of any script through ICU (Cyrillic "БИШКЕК" -> "бишкек").
std::string lower(std::string_view w);

}  // namespace bm::extract::lex::ru
