#pragma once
// Incidents reported on a named stretch of a border ("the Upper Isfara
// stretch", "the Tavush–Gazakh section of the Armenia–Azerbaijan border",
// or a segment id such as "kg-tj-upper-isfara"): drawn as that stretch's
// line, highlighted, like a whole-border toll.
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"

namespace bm {

// What a place string names as a stretch: the words naming it, or a segment
// id, and (when the text says so) the border it is on.
struct StretchName {
  std::string words;   // normalised: lower case, dashes and quotes as spaces
  std::string id;      // a segment id as given ("kg-tj-upper-isfara")
  std::string border;  // "the X–Y border" after "of", as written; may be empty
};

// The stretch `place` names, when it ends in stretch/section/segment/sector
// (optionally "of the ... border") or is a segment id.
std::optional<StretchName> stretch_name(const std::string& place);

// The two countries a segment id starts with ("kg-tj-…" -> KG, TJ).
std::optional<std::pair<std::string, std::string>> id_countries(const std::string& id);

// The segments `name` names among `segments`: by id, else a name whose part
// (before " (", split at " / " and ": ") is the words, else the one segment
// whose name holds the words in a row. Empty when none or several match.
std::vector<const BorderSegment*> named_segments(const StretchName& name,
                                                 const std::vector<BorderSegment>& segments);

// A segment's name as a label: without its parenthesis.
std::string stretch_label(const std::string& segment_name);

}  // namespace bm
