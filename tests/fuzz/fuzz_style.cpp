// libFuzzer target: the map style parser (TOML text to a Style).
#include <cstdint>
#include <string>

#include "core/error.hpp"
#include "render/style.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    bm::parse_style(std::string(reinterpret_cast<const char*>(data), size), "fuzz.toml");
  } catch (const bm::Error&) {
  }
  return 0;
}
