#include "extract/output.hpp"

#include <nlohmann/json.hpp>

#include <ostream>

#include "io/incidents_csv.hpp"

namespace bm::extract {
namespace {

using json = nlohmann::json;

json opt(const std::optional<long>& v) { return v ? json(*v) : json(nullptr); }

json claim_json(const Claim& c) {
  return {{"kind", c.kind},   {"low", opt(c.low)}, {"high", opt(c.high)},    {"approx", c.approx},
          {"side", c.side},   {"group", c.group},  {"claimant", c.claimant}, {"source", c.source},
          {"quote", c.quote}, {"scope", c.scope}};
}

json span(std::size_t b, std::size_t e) { return json::array({b, e}); }

json incident_json(const DraftIncident& d) {
  const Incident& i = d.incident;
  json claims = json::array();
  for (std::size_t k = 0; k < i.claims.size(); ++k) {
    json c = claim_json(i.claims[k]);
    const ClaimMention& cm = d.claim_spans[k];
    c["span"] = span(cm.begin, cm.end);
    c["quote_span"] = span(cm.quote_begin, cm.quote_end);
    if (cm.claimant_end > cm.claimant_begin)
      c["claimant_span"] = span(cm.claimant_begin, cm.claimant_end);
    c["side_inferred_from_claimant"] = cm.side_inferred;
    claims.push_back(std::move(c));
  }
  json ev = json::array();
  for (const auto& e : d.evidence)
    ev.push_back(
        {{"source", e.source}, {"what", e.what}, {"span", span(e.begin, e.end)}, {"text", e.text}});
  json j = {
      {"id", i.id},
      {"date_start", i.date.start},
      {"date_end", i.date.end},
      {"date_precision", i.date.precision},
      {"place", i.place},
      {"admin1", i.admin1},
      {"country", i.country},
      {"lon", i.location ? json(i.location->lon) : json(nullptr)},
      {"lat", i.location ? json(i.location->lat) : json(nullptr)},
      {"geo_precision",
       i.precision == GeoPrecision::unknown ? json(nullptr) : json(static_cast<int>(i.precision))},
      {"event_type", i.event_type},
      {"actors", i.actors},
      {"weapons", d.weapons},
      {"claims", claims},
      {"sources", i.sources},
      {"notes", i.notes},
      {"place_id", i.place_id},
      {"evidence", ev}};
  return j;
}

}  // namespace

void write_drafts_json(std::ostream& out, const std::vector<DocExtraction>& docs,
                       const std::vector<DraftIncident>& drafts) {
  json jdocs = json::array();
  for (const auto& x : docs) {
    json places = json::array();
    for (const auto& m : x.places) {
      json p = {{"text", m.text}, {"span", span(m.begin, m.end)}, {"query", m.query},
                {"role", m.role}, {"country", m.country},         {"note", m.note}};
      if (m.is_country) p["kind"] = "country";
      if (m.place) {
        p["place_id"] = m.place->id;
        p["name"] = m.place->name;
        p["kind"] = m.place->kind;
        if (m.place->point) p["lonlat"] = {m.place->point->lon, m.place->point->lat};
      }
      if (!m.border.empty()) {
        p["kind"] = m.line ? "line" : "border";
        p["border"] = m.border;
      }
      places.push_back(std::move(p));
    }
    json dates = json::array();
    for (const auto& d : x.dates)
      dates.push_back({{"text", d.text},
                       {"span", span(d.begin, d.end)},
                       {"rule", d.rule},
                       {"start", d.range.start},
                       {"end", d.range.end},
                       {"precision", d.range.precision}});
    json claims = json::array();
    for (std::size_t k = 0; k < x.claims.size(); ++k) {
      const auto& cm = x.claims[k];
      json c = claim_json(cm.claim);
      c["source"] = x.doc.source;
      c["span"] = span(cm.begin, cm.end);
      c["quote_span"] = span(cm.quote_begin, cm.quote_end);
      c["side_inferred_from_claimant"] = cm.side_inferred;
      c["placed"] = x.claim_notes[k];
      claims.push_back(std::move(c));
    }
    json rejected = json::array();
    for (const auto& r : x.rejected)
      rejected.push_back({{"record", r.record}, {"reason", r.reason}});
    jdocs.push_back({{"source", x.doc.source},
                     {"html", x.doc.was_html},
                     {"offsets", "UTF-8 byte offsets into the extracted text"},
                     {"text", x.doc.text},
                     {"publication_date", x.publication_date},
                     {"publication_date_from", x.date_from},
                     {"dates", dates},
                     {"places", places},
                     {"claims", claims},
                     {"unresolved", rejected}});
  }
  json incidents = json::array();
  for (const auto& d : drafts) incidents.push_back(incident_json(d));
  out << json{{"documents", jdocs}, {"incidents", incidents}}.dump(2) << '\n';
}

void write_drafts_csv(std::ostream& out, const std::vector<DraftIncident>& drafts) {
  std::vector<Incident> incs;
  for (const auto& d : drafts) incs.push_back(d.incident);
  write_incidents_csv(out, incs);
}

}  // namespace bm::extract
