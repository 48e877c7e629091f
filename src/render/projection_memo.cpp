// Projected lines remembered per projection definition: small multiples draw
// the same countries, regions and borders in the same projection 60 times,
// and PROJ was a third of that work.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <deque>
#include <mutex>
#include <string_view>
#include <unordered_map>

#include "render/projection.hpp"

namespace bm {

struct Projection::Memo {
  struct Entry {
    std::vector<LonLat> source;  // compared in full: a hash match alone is not proof
    double step = 0;
    std::shared_ptr<const std::vector<XY>> metres;
  };
  std::mutex mutex;
  std::unordered_multimap<std::size_t, Entry> lines;
  std::size_t points = 0;
};

namespace {

// Bounds what one process keeps: a few definitions (a test run draws many
// maps), a few million points each (about 32 bytes a point).
constexpr std::size_t kDefinitions = 4;
constexpr std::size_t kPoints = 4'000'000;

std::size_t key_of(const std::vector<LonLat>& line, double step) {
  std::string_view bytes(reinterpret_cast<const char*>(line.data()), line.size() * sizeof(LonLat));
  return std::hash<std::string_view>{}(bytes) ^ std::hash<double>{}(step);
}

bool same(const std::vector<LonLat>& a, const std::vector<LonLat>& b) {
  return a.size() == b.size() &&
         (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(LonLat)) == 0);
}

}  // namespace

std::shared_ptr<Projection::Memo> Projection::memo_for(const std::string& definition) {
  static std::mutex mutex;
  static std::deque<std::pair<std::string, std::shared_ptr<Memo>>> recent;  // newest last
  std::lock_guard lock(mutex);
  for (const auto& [def, memo] : recent)
    if (def == definition) return memo;
  recent.emplace_back(definition, std::make_shared<Memo>());
  if (recent.size() > kDefinitions) recent.pop_front();
  return recent.back().second;
}

std::shared_ptr<const std::vector<XY>> Projection::project_line(const std::vector<LonLat>& line,
                                                                double step) const {
  const std::size_t key = key_of(line, step);
  {
    std::lock_guard lock(memo_->mutex);
    auto [from, to] = memo_->lines.equal_range(key);
    for (auto it = from; it != to; ++it)
      if (it->second.step == step && same(it->second.source, line)) return it->second.metres;
  }
  auto out = std::make_shared<std::vector<XY>>();
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (i == 0 || step <= 0) {
      out->push_back(forward(line[i]));
      continue;
    }
    const LonLat a = line[i - 1], b = line[i];
    double span = std::max(std::abs(b.lon - a.lon), std::abs(b.lat - a.lat));
    int n = std::clamp(static_cast<int>(std::ceil(span / step)), 1, 200);
    for (int k = 1; k <= n; ++k) {
      double t = static_cast<double>(k) / n;
      out->push_back(forward(LonLat{a.lon + t * (b.lon - a.lon), a.lat + t * (b.lat - a.lat)}));
    }
  }
  std::lock_guard lock(memo_->mutex);
  if (memo_->points + out->size() <= kPoints) {
    memo_->points += out->size();
    memo_->lines.emplace(key, Memo::Entry{line, step, out});
  }
  return out;
}

}  // namespace bm
