#pragma once
// A flat open-addressing table over the runs of equal keys in a sorted
// array of entry numbers: one probe (usually) instead of a binary search of
// ~20 steps through the cache image. Stored in the image, so its hash must
// not depend on the compiler or library: FNV-1a, written out here.
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace bm {

// A run of entries with one key: sorted[begin, begin + count). count 0: empty slot.
struct KeySlot {
  std::uint32_t hash = 0, begin = 0, count = 0;
};

inline std::uint32_t name_hash(std::string_view k) {
  std::uint64_t h = 1469598103934665603ULL;
  for (char c : k) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

// One slot per distinct key of `sorted` (ordered by key_of), in a table of
// a power-of-two size at least twice the number of keys.
template <class KeyOf>
std::vector<KeySlot> build_key_table(std::span<const std::uint32_t> sorted, KeyOf key_of) {
  std::vector<KeySlot> runs;
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    std::string_view k = key_of(sorted[i]);
    if (runs.empty() || key_of(sorted[runs.back().begin]) != k)
      runs.push_back({name_hash(k), static_cast<std::uint32_t>(i), 0});
    ++runs.back().count;
  }
  std::size_t size = 16;
  while (size < runs.size() * 2) size *= 2;
  std::vector<KeySlot> table(size);
  for (const KeySlot& r : runs) {
    std::size_t at = r.hash & (size - 1);
    while (table[at].count != 0) at = (at + 1) & (size - 1);
    table[at] = r;
  }
  return table;
}

// The run whose key is `k` (key_of as above), or an empty span.
template <class KeyOf>
std::span<const std::uint32_t> find_in_key_table(std::span<const KeySlot> table,
                                                 std::span<const std::uint32_t> sorted,
                                                 std::string_view k, KeyOf key_of) {
  const std::uint32_t h = name_hash(k);
  const std::size_t mask = table.size() - 1;
  for (std::size_t at = h & mask;; at = (at + 1) & mask) {
    const KeySlot& s = table[at];
    if (s.count == 0) return {};
    if (s.hash == h && key_of(sorted[s.begin]) == k) return sorted.subspan(s.begin, s.count);
  }
}

// Whether a table read from a file can be probed safely: power-of-two size,
// an empty slot to end every probe, every run inside `sorted`.
inline bool key_table_ok(std::span<const KeySlot> table, std::size_t sorted_size) {
  if (table.empty() || (table.size() & (table.size() - 1)) != 0) return false;
  bool has_empty = false;
  for (const KeySlot& s : table) {
    if (s.begin > sorted_size || s.count > sorted_size - s.begin) return false;
    has_empty = has_empty || s.count == 0;
  }
  return has_empty;
}

}  // namespace bm
