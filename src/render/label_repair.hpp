#pragma once
// A second pass over the labels greedy placement left out: a label whose
// place beside its symbol is blocked only by one or two movable labels
// moves them to another of their own places, then takes the spot. Every
// move keeps each label beside its own symbol and clear of everything.
#include <vector>

#include "render/labels.hpp"

namespace bm {

// Places what it can of `out.unplaced` by moving labels already placed.
void repair_placement(const Canvas& c, Placement& out);

}  // namespace bm
