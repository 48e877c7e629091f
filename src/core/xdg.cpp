#include "core/xdg.hpp"

#include <cstdlib>

namespace bm {
namespace {

std::string xdg_dir(const char* var, const char* fallback_under_home) {
  if (const char* v = std::getenv(var); v && *v == '/') return std::string(v) + "/bordermap";
  if (const char* home = std::getenv("HOME"); home && *home == '/')
    return std::string(home) + "/" + fallback_under_home + "/bordermap";
  return {};
}

}  // namespace

std::string user_cache_dir() { return xdg_dir("XDG_CACHE_HOME", ".cache"); }
std::string user_config_dir() { return xdg_dir("XDG_CONFIG_HOME", ".config"); }

}  // namespace bm
