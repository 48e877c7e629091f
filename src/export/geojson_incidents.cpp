#include "export/geojson_incidents.hpp"

#include <charconv>

#include "export/layers.hpp"
#include "io/values.hpp"

namespace bm {
namespace {

void key(std::string& out, const char* k, bool& first) {
  out += first ? "\"" : ", \"";
  first = false;
  out += k;
  out += "\": ";
}

void optional_count(std::string& out, const char* k, const std::optional<long>& v, bool& first) {
  key(out, k, first);
  if (v)
    append_json_integer(out, *v);
  else
    out += "null";
}

void text_or_null(GeoJsonTextWriter& w, const char* name, const std::string& v) {
  if (v.empty())
    w.null(name);
  else
    w.text(name, v);
}

// The summary fields of an incident without claims, and the link fields of
// one not linked: all null, the same text for every such feature.
std::string null_run(const std::vector<std::string>& names) {
  std::string run;
  for (const auto& n : names) run += (run.empty() ? "\"" : ", \"") + n + "\": null";
  return run;
}

const std::string& null_summary() {
  static const std::string run = [] {
    std::vector<std::string> names;
    for (const auto& kind : kSummaryKinds)
      names.insert(names.end(), {kind + "_low", kind + "_high"});
    return null_run(names);
  }();
  return run;
}

const std::string& null_link() {
  static const std::string run =
      null_run({"in_country", "in_enclave", "segment_id", "distance_m", "disputed_segment_id",
                "disputed_distance_m", "within_zone"});
  return run;
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ";") + x;
  return s;
}

}  // namespace

void append_claims_json(std::string& out, const std::vector<Claim>& claims) {
  out += "[ ";
  for (std::size_t n = 0; n < claims.size(); ++n) {
    const Claim& c = claims[n];
    out += n ? ", { " : "{ ";
    bool first = true;
    if (c.approx) key(out, "approx", first), out += "true";
    if (c.best) key(out, "best", first), append_json_integer(out, *c.best);
    key(out, "claimant", first), append_json_string(out, c.claimant);
    if (!c.group.empty()) key(out, "group", first), append_json_string(out, c.group);
    optional_count(out, "high", c.high, first);
    key(out, "kind", first), append_json_string(out, c.kind);
    optional_count(out, "low", c.low, first);
    if (!c.quote.empty()) key(out, "quote", first), append_json_string(out, c.quote);
    if (!c.scope.empty()) key(out, "scope", first), append_json_string(out, c.scope);
    key(out, "side", first), append_json_string(out, c.side);
    key(out, "source", first), append_json_string(out, c.source);
    out += " }";
  }
  out += claims.empty() ? "]" : " ]";
}

GeoJsonIncidents::GeoJsonIncidents(const std::string& staged_path, std::vector<UserField> user,
                                   int precision)
    : out_(staged_path, precision), user_(std::move(user)), precision_(precision) {}

void GeoJsonIncidents::write(const Incident& i, const Link* k) {
  out_.begin_feature(i.id);
  ours(i);
  linked(k);
  out_.text("incident_id", i.id);
  users(i);
  out_.point({round_to(i.location->lon, precision_), round_to(i.location->lat, precision_)});
}

void GeoJsonIncidents::ours(const Incident& i) {
  text_or_null(out_, "date_start", i.date.start);
  text_or_null(out_, "date_end", i.date.end);
  out_.text("date_precision", i.date.precision);
  out_.text("event_type", i.event_type);
  out_.text("place", i.place);
  out_.text("admin1", i.admin1);
  out_.text("country", i.country);
  out_.text("place_id", i.place_id);
  out_.text("resolved_name", i.resolved_name);
  if (i.precision != GeoPrecision::unknown)
    out_.integer("geo_precision", static_cast<int>(i.precision));
  else
    out_.null("geo_precision");
  out_.text("actors", joined(i.actors));
  std::string claims;
  append_claims_json(claims, i.claims);
  out_.raw("claims", claims);
  out_.integer("n_claims", static_cast<long long>(i.claims.size()));
  static const std::vector<std::pair<std::string, std::string>> names = [] {
    std::vector<std::pair<std::string, std::string>> n;
    for (const auto& kind : kSummaryKinds) n.emplace_back(kind + "_low", kind + "_high");
    return n;
  }();
  if (i.claims.empty()) {  // the common case of a plain table: no claim, no summary
    out_.properties(null_summary());
  } else {
    summary(i, names);
  }
  out_.text("sources", joined(i.sources));
  out_.text("notes", i.notes);
}

void GeoJsonIncidents::summary(const Incident& i,
                               const std::vector<std::pair<std::string, std::string>>& names) {
  for (std::size_t k = 0; k < kSummaryKinds.size(); ++k) {
    const char* low = names[k].first.c_str();
    const char* high = names[k].second.c_str();
    ClaimSummary c = summarize(i.claims, kSummaryKinds[k]);
    c.low ? out_.integer(low, *c.low) : out_.null(low);
    c.high ? out_.integer(high, *c.high) : out_.null(high);
  }
}

void GeoJsonIncidents::linked(const Link* k) {
  if (!k) {
    out_.properties(null_link());
    return;
  }
  out_.text("in_country", k->country);
  out_.boolean("in_enclave", k->in_enclave);
  bool nearest = !k->segment_id.empty();
  nearest ? out_.text("segment_id", k->segment_id) : out_.null("segment_id");
  nearest ? out_.real("distance_m", round_to(k->distance_m, 1)) : out_.null("distance_m");
  bool disputed = !k->disputed_segment_id.empty() && k->disputed_distance_m >= 0;
  disputed ? out_.text("disputed_segment_id", k->disputed_segment_id)
           : out_.null("disputed_segment_id");
  disputed ? out_.real("disputed_distance_m", round_to(k->disputed_distance_m, 1))
           : out_.null("disputed_distance_m");
  out_.boolean("within_zone", k->within_zone);
}

void GeoJsonIncidents::users(const Incident& i) {
  for (const auto& f : user_) {
    const std::string* v = user_value(i, f);
    if (!v) {
      out_.null(f.name.c_str());
      continue;
    }
    const std::string t = io::trim(*v);
    const char* end = t.data() + t.size();
    if (f.type == UserFieldType::integer) {
      long long n = 0;
      auto r = std::from_chars(t.data(), end, n);
      if (r.ec == std::errc() && r.ptr == end) {
        out_.integer(f.name.c_str(), n);
        continue;
      }
    } else if (f.type == UserFieldType::real) {
      double d = 0;
      auto r = std::from_chars(t.data(), end, d);
      if (r.ec == std::errc() && r.ptr == end) {
        out_.real(f.name.c_str(), d);
        continue;
      }
    }
    out_.text(f.name.c_str(), *v);  // text, or a later value its type cannot hold
  }
}

}  // namespace bm
