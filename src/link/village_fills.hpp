#pragma once
// Country fills for maps of a small area. Natural Earth's 1:10m polygons are
// kilometres off at village scale: a village the linker puts in Kyrgyzstan
// would sit on the Tajik fill. Here the polygons are cut by the bundled 10 m
// segment lines and each piece takes the country the linker gives a point
// inside it, so the fill and `link` always agree.
#include <vector>

#include "core/country.hpp"
#include "core/geometry.hpp"
#include "link/segments_near.hpp"

namespace bm {

// Maps whose area spans more than this (degrees) keep the 1:10m fills: a
// 10 m line is only noise there, and cutting would cost seconds.
inline constexpr double kVillageFillMaxSpan = 6;

// `countries` redrawn inside `box`: each country's area becomes the pieces of
// land in `box` the linker assigns to it (countries with none are dropped).
// Outside `box` nothing is kept, so `box` must cover the whole map.
std::vector<Country> village_fills(const std::vector<Country>& countries, const NearSegments& near,
                                   const Bounds& box);

}  // namespace bm
