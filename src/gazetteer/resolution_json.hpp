#pragma once
// A resolution as JSON (one object; `bordermap resolve --json` prints one per line).
#include <nlohmann/json.hpp>

#include "gazetteer/gazetteer.hpp"

namespace bm {

nlohmann::json to_json(const Resolution& r);

}  // namespace bm
