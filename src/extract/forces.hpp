#pragma once
// Armed forces and de-facto authorities that border reporting names instead
// of a country ("40 Taliban dead", "the BSF said"): whose side their people
// are on. Each row cites its source (geodata/PROVENANCE.md, "Forces and
// authorities"); a non-state group gives no side.
#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "extract/figures.hpp"
#include "extract/text.hpp"

namespace bm::extract {

struct Force {
  std::string_view words;    // lower case, as Token::lower gives them, space separated
  std::string_view country;  // ISO2 of the side; empty for a non-state or foreign mission
  std::string_view kind;     // state, de_facto, regional, non_state, international
  std::string_view source;   // the page the row is taken from (listed in PROVENANCE.md)
};

std::span<const Force> forces();

// The force whose name starts at toks[k] (the longest written; capitalised,
// as proper names are), or nullptr; `end` is the token after it.
const Force* force_at(const std::vector<Token>& toks, std::size_t k, std::size_t last,
                      std::size_t& end);

// One word that names a force or group on its own ("taliban", "idf",
// "hezbollah"): an actor, never a place to look up.
bool force_word(std::string_view lower);

// "Pakistan Rangers ... three Rangers were wounded": a force the article
// once names after its country keeps that side where it is named alone.
void sides_from_named_forces(std::vector<std::vector<ClaimMention>>& claims,
                             const std::vector<Token>& toks);

}  // namespace bm::extract
