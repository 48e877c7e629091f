#include "extract/fixture_expect.hpp"

#include <set>

namespace bm::test {

using nlohmann::json;

namespace {

json opt(const std::optional<long>& v) { return v ? json(*v) : json(nullptr); }

json incident_json(const extract::DraftIncident& d) {
  const Incident& i = d.incident;
  std::set<std::string> sides;
  for (const auto& c : i.claims) sides.insert(c.side);
  return {{"place", i.place},
          {"place_id", i.place_id},
          {"country", i.country},
          {"date_start", i.date.start},
          {"date_end", i.date.end},
          {"date_precision", i.date.precision},
          {"event_type", i.event_type},
          {"located", i.location.has_value()},
          {"geo_precision", static_cast<int>(i.precision)},
          {"notes", i.notes},
          {"resolve_note", i.resolve_note},
          {"actors", i.actors},
          {"claim_sides", std::vector<std::string>(sides.begin(), sides.end())}};
}

json claim_json(const Claim& c) {
  return {{"kind", c.kind}, {"low", opt(c.low)}, {"high", opt(c.high)},    {"approx", c.approx},
          {"side", c.side}, {"group", c.group},  {"claimant", c.claimant}, {"scope", c.scope}};
}

json place_json(const extract::PlaceMention& p) {
  return {{"text", p.text},
          {"place_id", p.place ? json(p.place->id) : json(nullptr)},
          {"resolved", p.place != nullptr},
          {"role", p.role},
          {"country", p.country}};
}

// Keys that select or count rather than compare one field.
bool control_key(const std::string& key) { return key == "count" || key == "why"; }

// Does `actual` hold every field `want` names? "value" is a claim's low or
// high; "<field>_contains" is a substring of the field.
bool matches(const json& want, const json& actual) {
  for (const auto& [key, value] : want.items()) {
    if (control_key(key)) continue;
    if (key == "value") {
      if (actual.value("low", json()) != value && actual.value("high", json()) != value)
        return false;
    } else if (key.ends_with("_contains")) {
      std::string field = key.substr(0, key.size() - 9);
      if (!actual.contains(field) ||
          actual[field].get<std::string>().find(value.get<std::string>()) == std::string::npos)
        return false;
    } else if (!actual.contains(key) || actual[key] != value) {
      return false;
    }
  }
  return true;
}

// Every `wanted` entry must be matched (exactly `count` times when given);
// with `absent`, none may be.
std::vector<std::string> check_list(const json& wanted, const std::vector<json>& actual,
                                    const std::string& what, bool absent) {
  std::vector<std::string> fails;
  for (const auto& want : wanted) {
    long n = 0;
    for (const auto& a : actual) n += matches(want, a);
    bool ok = absent ? n == 0 : (want.contains("count") ? n == want["count"].get<long>() : n > 0);
    if (ok) continue;
    std::string msg = (absent ? "unexpected " : "missing ") + what + " " + want.dump() + " (" +
                      std::to_string(n) + " matched); have:";
    for (const auto& a : actual) msg += "\n  " + a.dump();
    fails.push_back(msg);
  }
  return fails;
}

void append(std::vector<std::string>& to, std::vector<std::string> more) {
  to.insert(to.end(), more.begin(), more.end());
}

}  // namespace

std::vector<std::string> check_document(const FixtureRun& run, const json& expect) {
  std::vector<std::string> fails;
  const auto& x = run.doc;
  if (expect.contains("publication_date") && x.publication_date != expect["publication_date"])
    fails.push_back("publication_date is " + x.publication_date);
  if (expect.contains("date_from") && x.date_from != expect["date_from"])
    fails.push_back("date_from is " + x.date_from);
  for (const auto& s : expect.value("text_lacks", json::array()))
    if (x.doc.text.find(s.get<std::string>()) != std::string::npos)
      fails.push_back("text holds " + s.get<std::string>());
  if (expect.contains("text_starts_with") &&
      !x.doc.text.starts_with(expect["text_starts_with"].get<std::string>()))
    fails.push_back("text does not start with " + expect["text_starts_with"].dump());
  std::vector<json> rejected;
  for (const auto& r : x.rejected) rejected.push_back({{"record", r.record}, {"reason", r.reason}});
  append(fails, check_list(expect.value("rejected", json::array()), rejected, "rejection", false));
  // Every span points at the words it came from, in every fixture.
  for (const auto& p : x.places)
    if (x.doc.text.substr(p.begin, p.end - p.begin) != p.text)
      fails.push_back("place span does not hold " + p.text);
  for (const auto& c : x.claims)
    if (x.doc.text.substr(c.quote_begin, c.quote_end - c.quote_begin) != c.claim.quote)
      fails.push_back("quote span does not hold " + c.claim.quote);
  return fails;
}

std::vector<std::string> check_incidents(const FixtureRun& run, const json& expect) {
  std::vector<json> drafts;
  for (const auto& d : run.drafts) drafts.push_back(incident_json(d));
  auto fails = check_list(expect.value("incidents", json::array()), drafts, "incident", false);
  append(fails, check_list(expect.value("no_incidents", json::array()), drafts, "incident", true));
  // Claims as drafted, with the draft's date.
  std::vector<json> drafted;
  for (const auto& d : run.drafts)
    for (const auto& c : d.incident.claims) {
      json j = claim_json(c);
      j["date_start"] = d.incident.date.start;
      drafted.push_back(j);
    }
  append(fails,
         check_list(expect.value("draft_claims", json::array()), drafted, "drafted claim", false));
  return fails;
}

std::vector<std::string> check_claims(const FixtureRun& run, const json& expect) {
  std::vector<json> claims;
  for (const auto& c : run.doc.claims) claims.push_back(claim_json(c.claim));
  auto fails = check_list(expect.value("claims", json::array()), claims, "claim", false);
  append(fails, check_list(expect.value("no_claims", json::array()), claims, "claim", true));
  return fails;
}

std::vector<std::string> check_places(const FixtureRun& run, const json& expect) {
  std::vector<json> places;
  for (const auto& p : run.doc.places) places.push_back(place_json(p));
  auto fails = check_list(expect.value("places", json::array()), places, "place", false);
  append(fails, check_list(expect.value("no_places", json::array()), places, "place", true));
  return fails;
}

}  // namespace bm::test
