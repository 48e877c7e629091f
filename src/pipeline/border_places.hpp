#pragma once
// Incidents reported on a whole border ("Kyrgyzstan–Tajikistan border",
// "the border with Tajikistan"): no point of the border is theirs, so they
// are not in the point layers, but a map of that border draws them as the
// border's line, highlighted.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "gazetteer/gazetteer.hpp"
#include "geodata/bundle.hpp"
#include "pipeline/stretch_places.hpp"

namespace bm {

// The two countries (ISO2) of a border named as a place; `b` is empty for
// "the border with A" when the incident's country does not give the other side.
struct BorderPlace {
  std::string a, b;
  // A named stretch of the border, not the whole of it (a, b then empty
  // unless the text or the segment id names the border).
  std::optional<StretchName> stretch = {};
};
using BorderPlaces = std::map<std::string, BorderPlace>;  // by incident id

// The border `place` names, if it names a whole border of two countries.
// `country` (the incident's ISO2) is the other side of "the border with A".
std::optional<BorderPlace> border_place(const std::string& place, const std::string& country,
                                        const Gazetteer& gazetteer);

// The named stretch `place` names ("the Upper Isfara stretch", "the X
// section of the A–B border", a segment id), if it names one by those words.
std::optional<BorderPlace> stretch_place(const std::string& place, const std::string& country,
                                         const Gazetteer& gazetteer);

// A border place as a map draws it: its two countries and their lines.
struct BorderLine {
  std::string a, b;
  std::vector<Line> lines;
  std::string name = {};  // a named stretch's name; empty for a whole border
};
using BorderLines = std::map<std::string, BorderLine>;  // by incident id

// The lines each border place is drawn as, by incident id: the segments
// between its two countries active on `as_of` (all of them when none is).
// "The border with A" takes the map's border (`main_a`–`main_b`) when A is
// one of its countries; a border the segments do not hold is looked up in
// `bundle`. A named stretch is the segment of that name or id (among
// `segments`, the bundle's named segments, or its border's). A border or
// stretch with no line stays undrawn (and rejected).
BorderLines border_lines(const BorderPlaces& places, const std::vector<BorderSegment>& segments,
                         const std::string& main_a, const std::string& main_b,
                         const std::string& as_of, const Bundle& bundle,
                         const std::vector<Country>& countries);

// `rejected` without the records drawn as border lines: what a map leaves out.
std::vector<Rejection> not_drawn(const std::vector<Rejection>& rejected, const BorderLines& lines);

}  // namespace bm
