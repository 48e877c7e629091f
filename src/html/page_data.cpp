#include <map>

#include "html/page.hpp"

namespace bm::html {
namespace {

// Fields left out when empty, false or equal to the default keep a page of
// 10k incidents small; page.js fills the defaults back in.
void put(nlohmann::json& j, const char* key, const std::string& v) {
  if (!v.empty()) j[key] = v;
}

nlohmann::json claim_json(const Claim& c) {
  nlohmann::json j = {{"kind", c.kind}};
  put(j, "side", c.side);
  put(j, "group", c.group);
  put(j, "claimant", c.claimant);
  put(j, "source", c.source);
  put(j, "quote", c.quote);
  if (c.approx) j["approx"] = true;
  if (c.low) j["low"] = *c.low;
  if (c.high) j["high"] = *c.high;
  if (c.best) j["best"] = *c.best;
  return j;
}

nlohmann::json link_json(const Link& l) {
  nlohmann::json j = {{"segment", l.segment_id},
                      {"distance_m", static_cast<long>(l.distance_m)},
                      {"status", to_string(l.segment_status)}};
  if (l.in_enclave) j["in_enclave"] = true;
  if (l.distance_max_m >= 0) j["distance_max_m"] = static_cast<long>(l.distance_max_m);
  return j;
}

nlohmann::json incident_json(const Incident& i) {
  nlohmann::json j = {{"id", i.id}, {"place", i.place}};  // number: position + 1
  put(j, "start", i.date.start);
  if (i.date.end != i.date.start) put(j, "end", i.date.end);
  if (i.date.precision != "day") put(j, "precision", i.date.precision);
  if (i.resolved_name != i.place) put(j, "resolved", i.resolved_name);
  put(j, "type", i.event_type);
  put(j, "notes", i.notes);
  if (!i.actors.empty()) j["actors"] = i.actors;
  if (!i.sources.empty()) j["sources"] = i.sources;
  if (!i.claims.empty()) {
    j["claims"] = nlohmann::json::array();
    for (const auto& c : i.claims) j["claims"].push_back(claim_json(c));
  }
  return j;
}

}  // namespace

nlohmann::json page_data(const PageInput& in) {
  std::map<std::string, const Link*> link_of;
  for (const auto& l : in.data->links) link_of[l.incident_id] = &l;
  std::map<std::string, const DrawnBox*> mark_of;
  for (const auto& m : in.marks)
    if (m.what.starts_with("incident:")) mark_of[m.what.substr(9)] = &m;
  // Why an incident is not on the map: its rejection (the resolver's note
  // on a mapped incident is no reason).
  std::map<std::string, std::string> why;
  for (const auto& r : in.rejected) why.emplace(r.record, r.reason);
  nlohmann::json incidents = nlohmann::json::array();
  for (const auto& i : in.data->incidents) {
    nlohmann::json j = incident_json(i);
    if (auto l = link_of.find(i.id); l != link_of.end()) j["link"] = link_json(*l->second);
    if (auto w = why.find(i.id); w != why.end()) j["unmapped"] = w->second;
    if (auto m = mark_of.find(i.id); m != mark_of.end())
      j["xy"] = {static_cast<int>(m->second->x0 * 10) / 10.0,
                 static_cast<int>(m->second->y0 * 10) / 10.0};
    incidents.push_back(std::move(j));
  }
  nlohmann::json segments = nlohmann::json::object();  // id -> name, once
  for (const auto& s : in.data->segments) segments[s.id] = s.name;
  nlohmann::json spreads = nlohmann::json::array();  // outline or line, once per group
  for (const auto& m : in.spread_marks)
    spreads.push_back({{"ids", m.ids}, {"d", m.path}, {"area", m.area}});
  const auto& f = in.frame;
  return {{"incidents", incidents},
          {"segments", segments},
          {"as_of", in.data->as_of},
          {"spreads", spreads},
          {"frame", {f[0], f[1], f[2] - f[0], f[3] - f[1]}},
          {"page_symbols", in.page_symbols}};
}

}  // namespace bm::html
