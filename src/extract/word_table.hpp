#pragma once
// The lexicon's word lists as hash tables with a cheap first test: most
// words of a text are in no list, and the lists are asked about every
// token many times. A bit per (length, first byte) of the listed words
// answers "not listed" for most words without hashing them.
#include <bitset>
#include <initializer_list>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace bm::extract {

class WordFilter {
 public:
  void add(std::string_view w) { bits_.set(slot(w)); }
  bool maybe(std::string_view w) const { return bits_.test(slot(w)); }

 private:
  static constexpr std::size_t kLengths = 32;  // longer words share the last row
  static std::size_t slot(std::string_view w) {
    const std::size_t len = w.size() < kLengths ? w.size() : kLengths - 1;
    return len * 256 + (w.empty() ? 0 : static_cast<unsigned char>(w[0]));
  }
  std::bitset<kLengths * 256> bits_;
};

template <class V>
class WordMap {
 public:
  using Map = std::unordered_map<std::string_view, V>;
  WordMap(std::initializer_list<typename Map::value_type> init) : map_(init) {
    for (const auto& kv : map_) filter_.add(kv.first);
  }
  typename Map::const_iterator find(std::string_view w) const {
    return filter_.maybe(w) ? map_.find(w) : map_.end();
  }
  typename Map::const_iterator end() const { return map_.end(); }
  bool contains(std::string_view w) const { return filter_.maybe(w) && map_.contains(w); }

 private:
  Map map_;
  WordFilter filter_;
};

class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> init) : set_(init) {
    for (std::string_view w : set_) filter_.add(w);
  }
  bool contains(std::string_view w) const { return filter_.maybe(w) && set_.contains(w); }

 private:
  std::unordered_set<std::string_view> set_;
  WordFilter filter_;
};

}  // namespace bm::extract
