// claims_to_json: the claims column as compact JSON with sorted keys. Built
// as text: nlohmann's tree per row was a tenth of a 1M-row GeoPackage
// export. The text is what nlohmann's dump() prints (its escaping: quote,
// backslash, \b \f \n \r \t, other controls as \u00xx; UTF-8 as it is),
// which stays the fallback for a string that is not valid UTF-8 (dump()
// refuses it, so the rare bad row keeps its old behaviour).
#include <nlohmann/json.hpp>

#include "io/incidents_csv.hpp"
#include "io/json_string.hpp"
#include "io/text.hpp"

namespace bm {
namespace {

void add_key(std::string& out, const char* key, bool& first) {
  out += first ? "\"" : ",\"";
  first = false;
  out += key;
  out += "\":";
}

void add_count(std::string& out, const std::optional<long>& v) {
  out += v ? std::to_string(*v) : "null";
}

bool valid_utf8(const Claim& c) {
  for (const std::string* s :
       {&c.kind, &c.side, &c.group, &c.claimant, &c.source, &c.quote, &c.scope})
    if (io::utf8_error(*s)) return false;
  return true;
}

std::string claims_by_nlohmann(const std::vector<Claim>& claims) {
  using json = nlohmann::json;
  json arr = json::array();
  for (const auto& c : claims) {
    json j;
    j["kind"] = c.kind;
    j["low"] = c.low ? json(*c.low) : json(nullptr);
    j["high"] = c.high ? json(*c.high) : json(nullptr);
    if (c.best) j["best"] = *c.best;
    if (c.approx) j["approx"] = true;
    j["side"] = c.side;
    if (!c.group.empty()) j["group"] = c.group;
    j["claimant"] = c.claimant;
    j["source"] = c.source;
    if (!c.quote.empty()) j["quote"] = c.quote;
    if (!c.scope.empty()) j["scope"] = c.scope;
    arr.push_back(std::move(j));
  }
  return arr.dump();
}

}  // namespace

std::string claims_to_json(const std::vector<Claim>& claims) {
  for (const auto& c : claims)
    if (!valid_utf8(c)) return claims_by_nlohmann(claims);
  std::string out = "[";
  for (const auto& c : claims) {  // keys in sorted order, as nlohmann's map
    out += out.size() > 1 ? ",{" : "{";
    bool first = true;
    if (c.approx) add_key(out, "approx", first), out += "true";
    if (c.best) add_key(out, "best", first), out += std::to_string(*c.best);
    add_key(out, "claimant", first), append_json_string(out, c.claimant);
    if (!c.group.empty()) add_key(out, "group", first), append_json_string(out, c.group);
    add_key(out, "high", first), add_count(out, c.high);
    add_key(out, "kind", first), append_json_string(out, c.kind);
    add_key(out, "low", first), add_count(out, c.low);
    if (!c.quote.empty()) add_key(out, "quote", first), append_json_string(out, c.quote);
    if (!c.scope.empty()) add_key(out, "scope", first), append_json_string(out, c.scope);
    add_key(out, "side", first), append_json_string(out, c.side);
    add_key(out, "source", first), append_json_string(out, c.source);
    out += '}';
  }
  return out + "]";
}

}  // namespace bm
