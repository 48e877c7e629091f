#pragma once
// Bookkeeping of io/atomic's staging folders (see atomic.hpp).
#include <string>

namespace bm::staging {

// Staging folders are named kPrefix + PID + "-" + 6 random characters.
inline constexpr const char* kPrefix = ".bordermap-tmp-";

// Registers a staging folder so a signal or exit removes it.
void add(const std::string& dir);
// Removes the folder with what it holds and forgets it.
void remove(const std::string& dir);
// Removes what killed runs left in `dir` (once per folder and process).
void sweep(const std::string& dir);

}  // namespace bm::staging
