// Gazetteer::find_mentions — filled in below the resolver.
#include "gazetteer/gazetteer.hpp"

namespace bm {

std::vector<Mention> Gazetteer::find_mentions(std::string_view, const ResolveHints&) const {
  return {};
}

}  // namespace bm
