#include "gazetteer/fuzzy_index.hpp"

#include <bit>

#include "gazetteer/index.hpp"
#include "gazetteer/key_table.hpp"
#include "gazetteer/normalize.hpp"

namespace bm {
namespace {

// The most edits a key of `len` bytes can be within of any other key: the
// other is at most that much longer, and the limit grows with its length.
int most_edits(std::size_t len) {
  int k = 0;
  while (fuzzy_edits_within(len + static_cast<std::size_t>(k) + 1) >= k + 1) ++k;
  return k;
}

// `part` with each set of at most `deletions` bytes deleted, hashed with
// `side` first so a beginning never meets an ending.
void deletion_variants(std::string_view part, int deletions, char side,
                       std::vector<FuzzyVariant>& out) {
  const auto m = static_cast<unsigned>(part.size());
  char kept[kFuzzyPrefix + 1];
  kept[0] = side;
  for (unsigned drop = 0; drop < (1u << m); ++drop) {
    const int dropped = std::popcount(drop);
    if (dropped > deletions) continue;
    std::size_t n = 1;
    for (unsigned i = 0; i < m; ++i)
      if (!(drop & (1u << i))) kept[n++] = part[i];
    out.push_back({name_hash(std::string_view(kept, n)), static_cast<std::uint32_t>(dropped)});
  }
}

}  // namespace

int fuzzy_edits_within(std::size_t len) {
  int k = 0;
  while (1.0 - (k + 1) / static_cast<double>(len) >= kFuzzyMin) ++k;
  return k;
}

void fuzzy_variants(std::string_view key, std::vector<FuzzyVariant>& out) {
  const int edits = most_edits(key.size());
  const int deletions = std::min(edits, kFuzzyDeletions);
  deletion_variants(key.substr(0, kFuzzyPrefix), deletions, '<', out);
  // Beyond two edits the beginning alone may hold them all.
  if (edits > kFuzzyDeletions)
    deletion_variants(key.substr(key.size() - kFuzzyPrefix), deletions, '>', out);
}

void unique_variants(std::vector<FuzzyVariant>& v) {
  std::sort(v.begin(), v.end());
  v.erase(
      std::unique(v.begin(), v.end(),
                  [](const FuzzyVariant& a, const FuzzyVariant& b) { return a.hash == b.hash; }),
      v.end());
}

std::string fuzzy_fingerprint() {
  std::vector<FuzzyVariant> probe;
  fuzzy_variants("samarkandek-vorukh", probe);
  std::uint64_t h = kFuzzyBuckets + kPostingEntryBits;
  for (const FuzzyVariant& v : probe) h = (h * 1099511628211ULL + v.hash) ^ v.deletions;
  return std::to_string(h);
}

std::vector<std::pair<std::uint32_t, double>> fuzzy_matches(const Gazetteer::Index& ix,
                                                            std::string_view sound,
                                                            std::string_view plain) {
  // Names of about the query's length (a quarter either way) that begin or
  // end about like it, by their sound key or as spelled.
  const std::size_t window = std::max<std::size_t>(1, sound.size() / 4);
  const std::size_t min_len = sound.size() > window ? sound.size() - window : 1;
  const std::size_t max_len = sound.size() + window;
  const std::string_view keys[] = {sound, plain};
  // Only whether a distance is within what kFuzzyMin allows matters (and
  // its exact value when it is), so the distance is computed that far only.
  const EditPattern sound_pattern(sound), plain_pattern(plain);
  auto similarity = [](const EditPattern& a, std::size_t a_len, std::string_view b) {
    const std::size_t longer = std::max(a_len, b.size());
    const int limit = fuzzy_edits_within(longer);
    return 1.0 - a.distance_within(b, limit) / static_cast<double>(longer);
  };
  std::vector<std::pair<std::uint32_t, double>> out;
  for (std::uint32_t e : ix.fuzzy_candidates(keys, min_len, max_len)) {
    const std::string_view es = ix.sound(ix.entries[e]), ek = ix.key(ix.entries[e]);
    double sim = similarity(sound_pattern, sound.size(), es);
    if (sim < kFuzzyMin)  // spelled close?
      sim = std::max(sim, similarity(plain_pattern, plain.size(), ek));
    // One edit in a short name is a different name (Osh/Ash).
    if (sound.size() < 6 && sim < 0.8) continue;
    if (sim >= kFuzzyMin) out.emplace_back(e, sim);
  }
  return out;
}

}  // namespace bm
