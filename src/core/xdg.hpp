#pragma once
// Per-user folders by the XDG Base Directory rules, so caches and settings
// of several users on one machine never mix and never land in the data.
#include <string>

namespace bm {

// $XDG_CACHE_HOME/bordermap, else ~/.cache/bordermap; "" when neither
// variable gives an absolute path (the spec ignores relative ones).
std::string user_cache_dir();
// $XDG_CONFIG_HOME/bordermap, else ~/.config/bordermap; "" as above.
std::string user_config_dir();

}  // namespace bm
