#pragma once
// Russian words for the same passes as English: months in the genitive
// ("16 сентября 2022 года"), casualty words in their forms (погибли, ранены,
// эвакуированы), number words, country stems (кыргызских, таджикской),
// verbs of saying. Every lookup takes a lower-case word (text.cpp lowers
// Cyrillic with ICU) and answers empty/0 when the word is not Russian.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bm::extract::lex::ru {

int month(std::string_view w);
std::string casualty_kind(std::string_view w);
std::optional<long> number_word(std::string_view w);
long scale(std::string_view w);  // тысяч -> 1000; 0 if none
std::string country_word(std::string_view w);
bool speech_verb(std::string_view w);
bool border_noun(std::string_view w);  // граница in its forms
// "ведомства", "министерства" alone: the body named before ("the agency").
bool refers_back(std::string_view phrase);

// Place words: "в", "у", "из", "вблизи" before a scene; "село", "селе"
// before a village's name; "область", "района" after an area's.
bool locative(std::string_view w);
bool settlement_word(std::string_view w);
bool area_word(std::string_view w);
// Prepositions and other small words that open a sentence ("По данным"):
// never a name even when capitalised.
bool function_word(std::string_view w);
// служба, министерство, комитет: the capitalised words before it name a body.
bool institution_word(std::string_view w);
// обстрел, перестрелка, столкновения, нападение: one of README's event types.
std::string event_cue(std::string_view w);
// "инцидент произошел", "случилось": the words of "the incident took place".
bool happened(std::string_view w);
// Nominative guesses for an inflected name, most likely first, for the
// gazetteer (which knows "Исфара", not "Исфары"): "Баткене" -> "Баткен",
// "Баткенской области" -> "Баткенская область". Empty when not Cyrillic.
std::vector<std::string> case_forms(std::string_view name);

// Lower case of any script through ICU (Cyrillic "БИШКЕК" -> "бишкек").
std::string lower(std::string_view w);

}  // namespace bm::extract::lex::ru
