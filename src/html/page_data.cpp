#include <map>

#include "html/page.hpp"

namespace bm::html {
namespace {

nlohmann::json claim_json(const Claim& c) {
  nlohmann::json j = {{"kind", c.kind},         {"side", c.side},     {"group", c.group},
                      {"claimant", c.claimant}, {"source", c.source}, {"quote", c.quote},
                      {"scope", c.scope},       {"approx", c.approx}};
  j["low"] = c.low ? nlohmann::json(*c.low) : nlohmann::json();
  j["high"] = c.high ? nlohmann::json(*c.high) : nlohmann::json();
  if (c.best) j["best"] = *c.best;
  return j;
}

nlohmann::json link_json(const Link& l, const std::vector<BorderSegment>& segments) {
  nlohmann::json j = {{"segment", l.segment_id},
                      {"distance_m", static_cast<long>(l.distance_m)},
                      {"status", to_string(l.segment_status)},
                      {"country", l.country},
                      {"in_enclave", l.in_enclave}};
  if (l.distance_max_m >= 0) j["distance_max_m"] = static_cast<long>(l.distance_max_m);
  for (const auto& s : segments)
    if (s.id == l.segment_id) j["segment_name"] = s.name;
  return j;
}

nlohmann::json incident_json(const Incident& i, int number) {
  nlohmann::json j = {{"id", i.id},
                      {"n", number},
                      {"start", i.date.start},
                      {"end", i.date.end},
                      {"precision", i.date.precision},
                      {"place", i.place},
                      {"resolved", i.resolved_name},
                      {"type", i.event_type},
                      {"actors", i.actors},
                      {"sources", i.sources},
                      {"notes", i.notes}};
  j["claims"] = nlohmann::json::array();
  for (const auto& c : i.claims) j["claims"].push_back(claim_json(c));
  if (i.location) j["lonlat"] = {i.location->lon, i.location->lat};
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
  int n = 0;
  for (const auto& i : in.data->incidents) {
    nlohmann::json j = incident_json(i, ++n);
    if (auto l = link_of.find(i.id); l != link_of.end())
      j["link"] = link_json(*l->second, in.data->segments);
    if (auto w = why.find(i.id); w != why.end()) j["unmapped"] = w->second;
    if (auto m = mark_of.find(i.id); m != mark_of.end())
      j["xy"] = {static_cast<int>(m->second->x0 * 10) / 10.0,
                 static_cast<int>(m->second->y0 * 10) / 10.0};
    incidents.push_back(std::move(j));
  }
  return {{"incidents", incidents}, {"as_of", in.data->as_of}};
}

}  // namespace bm::html
