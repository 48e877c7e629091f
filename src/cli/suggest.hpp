#pragma once
// "Did you mean ...?" for mistyped subcommands and options.
#include <string>
#include <vector>

namespace bm::cli {

// Levenshtein distance between two ASCII words.
std::size_t edit_distance(const std::string& a, const std::string& b);

// The choice closest to `word`, or "" when none is close enough to be a
// plausible typo (at most 2 edits, and fewer than half the word's letters).
std::string closest(const std::string& word, const std::vector<std::string>& choices);

}  // namespace bm::cli
