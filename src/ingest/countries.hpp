#pragma once
// Country references as the datasets write them, turned into ISO 3166-1
// alpha-2 (our model's country hint). ICU holds the tables, so no list of
// countries is kept here.
#include <string>

namespace bm::ingest {

// ISO 3166-1 numeric ("417", ACLED's `iso` column) -> "KG"; "" if unknown.
std::string iso2_from_numeric(const std::string& code);

// English name ("Kyrgyzstan", UCDP's "Russia (Soviet Union)") -> "RU";
// "" if unknown. Also accepts an alpha-2 or alpha-3 code.
std::string iso2_from_name(const std::string& name);

}  // namespace bm::ingest
