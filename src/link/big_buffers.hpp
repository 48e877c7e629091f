#pragma once
// Big tables (tens of MB at 1M incidents) are written once, front to back:
// 2 MB pages make that a few dozen page faults instead of thousands, which
// is most of the kernel time of a run (a hint: no effect where unsupported).
#include <sys/mman.h>

#include <cstddef>
#include <cstdint>

namespace bm {

inline void advise_huge_pages(const void* data, std::size_t bytes) {
  constexpr std::uintptr_t k2M = std::uintptr_t{2} << 20;
  const auto begin = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t lo = (begin + k2M - 1) & ~(k2M - 1);
  const std::uintptr_t hi = (begin + bytes) & ~(k2M - 1);
  if (hi > lo) ::madvise(reinterpret_cast<void*>(lo), hi - lo, MADV_HUGEPAGE);
}

// reserve(), then the hint on the still untouched capacity.
template <class Container>
void reserve_big(Container& c, std::size_t n) {
  c.reserve(n);
  advise_huge_pages(c.data(), c.capacity() * sizeof(*c.data()));
}

}  // namespace bm
