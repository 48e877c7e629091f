#pragma once
// Helpers shared by the tests: fixture paths, scratch directories, files.
#include <filesystem>
#include <string>

namespace bm::test {

// A fixture under tests/data/.
std::string data(const std::string& name);

// A fresh, empty directory for one test's outputs.
std::filesystem::path scratch(const std::string& name);
std::string slurp(const std::filesystem::path& path);

}  // namespace bm::test
