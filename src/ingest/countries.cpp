#include "ingest/countries.hpp"

#include <unicode/uloc.h>
#include <unicode/uregion.h>

#include <map>
#include <mutex>

#include "io/values.hpp"

namespace bm::ingest {
using namespace bm::io;  // the shared value parsers and record loop
namespace {

// Names the datasets use that differ from ICU's English display names.
const std::map<std::string, std::string> kAliases = {
    {"dr congo", "CD"},
    {"democratic republic of congo", "CD"},
    {"democratic republic of the congo", "CD"},
    {"republic of congo", "CG"},
    {"congo", "CG"},
    {"ivory coast", "CI"},
    {"cote d'ivoire", "CI"},
    {"czech republic", "CZ"},
    {"bosnia-herzegovina", "BA"},
    {"bosnia and herzegovina", "BA"},
    {"united states of america", "US"},
    {"turkey", "TR"},
    {"eswatini", "SZ"},
    {"swaziland", "SZ"},
    {"macedonia", "MK"},
    {"kyrgyz republic", "KG"},
    {"east timor", "TL"},
    {"palestine", "PS"},
    {"burma", "MM"},
    {"myanmar", "MM"},
    {"russian federation", "RU"},
};

const std::map<std::string, std::string>& names() {
  static std::map<std::string, std::string> table;
  static std::once_flag once;
  std::call_once(once, [] {
    for (const char* const* c = uloc_getISOCountries(); *c; ++c) {
      std::string code = *c;
      std::string locale = "und_" + code;
      UChar buf[128];
      UErrorCode err = U_ZERO_ERROR;
      int32_t n = uloc_getDisplayCountry(locale.c_str(), "en", buf, 128, &err);
      if (U_FAILURE(err) || n <= 0) continue;
      std::string name;
      // English display names are ASCII except a few (Côte d’Ivoire,
      // Curaçao, Türkiye); those have aliases above.
      for (int32_t i = 0; i < n; ++i)
        if (buf[i] < 0x80) name += static_cast<char>(buf[i]);
      table.emplace(lower(name), code);
      table.emplace(lower(code), code);
      if (const char* a3 = uloc_getISO3Country(locale.c_str()); a3 && *a3)
        table.emplace(lower(a3), code);
    }
    for (const auto& [k, v] : kAliases) table.emplace(k, v);
  });
  return table;
}

std::string lookup(const std::string& name) {
  auto it = names().find(lower(trim(name)));
  return it == names().end() ? "" : it->second;
}

}  // namespace

std::string iso2_from_numeric(const std::string& code) {
  std::string s = trim(code);
  if (s.empty() || s.size() > 3 || s.find_first_not_of("0123456789") != std::string::npos)
    return "";
  UErrorCode err = U_ZERO_ERROR;
  const URegion* r = uregion_getRegionFromNumericCode(std::stoi(s), &err);
  if (U_FAILURE(err) || !r || uregion_getType(r) != URGN_TERRITORY) return "";
  return uregion_getRegionCode(r);
}

std::string iso2_from_name(const std::string& name) {
  if (std::string c = lookup(name); !c.empty()) return c;
  // UCDP writes former names in parentheses: "Russia (Soviet Union)".
  auto open = name.find('(');
  if (open != std::string::npos) {
    if (std::string c = lookup(name.substr(0, open)); !c.empty()) return c;
    auto close = name.find(')', open);
    return lookup(name.substr(open + 1, close == std::string::npos ? close : close - open - 1));
  }
  return "";
}

}  // namespace bm::ingest
