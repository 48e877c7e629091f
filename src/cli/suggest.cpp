#include "cli/suggest.hpp"

#include <algorithm>
#include <numeric>

namespace bm::cli {

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string closest(const std::string& word, const std::vector<std::string>& choices) {
  std::string best;
  std::size_t best_d = 3;
  for (const auto& c : choices) {
    std::size_t d = edit_distance(word, c);
    // A prefix ("rep" for "report") is a likely abbreviation, not a typo.
    if (c.size() > word.size() && c.compare(0, word.size(), word) == 0 && word.size() >= 3) d = 1;
    if (d < best_d && 2 * d < std::max(word.size(), std::size_t{2})) {
      best = c;
      best_d = d;
    }
  }
  return best;
}

}  // namespace bm::cli
