#pragma once
// The user's own columns (a `label`, a `fatalities`, anything outside our
// schema), which the readers keep in Incident::source_fields under
// "<reader>.<column>": every export writes them back under their original
// names, typed from their values, next to our fields.
#include <span>
#include <string>
#include <vector>

#include "core/model.hpp"

namespace bm {

enum class UserFieldType { integer, real, text };

struct UserField {
  std::string name;  // the column as the user named it (prefixed on a clash with ours)
  std::string key;   // its key in Incident::source_fields
  UserFieldType type = UserFieldType::text;
};

// The user columns of `incidents` in first-seen order. A column is an
// integer when every value is a whole number without leading zeros (codes
// like "007" stay text), real when every value is a number, text otherwise.
// A name that clashes (case-insensitively) with one of `ours` is written
// as "source_<name>" so neither hides the other.
std::vector<UserField> user_fields(std::span<const Incident> incidents,
                                   const std::vector<std::string>& ours);

// The value of `field` in `incident`, or nullptr when it has none.
const std::string* user_value(const Incident& incident, const UserField& field);

}  // namespace bm
