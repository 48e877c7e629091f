#include "extract/merge.hpp"

#include <algorithm>
#include <iterator>
#include <map>

#include "gazetteer/normalize.hpp"

namespace bm::extract {

std::string slug(const std::string& s) {
  std::string out;
  for (char c : lower_ascii(s)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "place" : out;
}

namespace {

// One article repeating a figure (headline, caption, body) makes one claim;
// a repetition that says whose people or who said it completes it. Both
// claims are of the same source.
bool repeats(const Claim& old, const Claim& c) {
  bool side_fits = old.side == c.side || old.side == "unknown" || c.side == "unknown";
  bool claimant_fits = old.claimant == c.claimant || old.claimant.empty() || c.claimant.empty();
  bool group_fits = old.group == c.group || old.group.empty() || c.group.empty();
  return old.kind == c.kind && old.low == c.low && old.high == c.high && side_fits &&
         claimant_fits && group_fits && old.approx == c.approx;
}

void complete(Claim& old, const Claim& c) {
  if (old.side == "unknown") old.side = c.side;
  if (old.claimant.empty()) old.claimant = c.claimant;
  if (old.group.empty()) old.group = c.group;
}

void append_claim(DraftIncident& d, Claim c, const ClaimMention& cm, const std::string& source) {
  d.incident.claims.push_back(std::move(c));
  d.claim_spans.push_back(cm);
  d.evidence.push_back({source, cm.begin, cm.end, "claim", ""});
}

}  // namespace

void add_claim(DraftIncident& d, const ClaimMention& cm, const std::string& source) {
  Claim c = cm.claim;
  c.source = source;
  for (Claim& old : d.incident.claims) {
    if (old.source == c.source && repeats(old, c)) {
      complete(old, c);
      return;
    }
  }
  append_claim(d, std::move(c), cm, source);
}

void join_undated_mentions(std::vector<DraftIncident>& drafts, const std::string& source) {
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    DraftIncident& d = drafts[i];
    bool loose = d.incident.date.precision == "range" || d.incident.date.precision == "week";
    if (!loose || !d.date_borrowed) continue;
    for (std::size_t j = 0; j < drafts.size(); ++j) {
      DraftIncident& t = drafts[j];
      bool same = d.incident.place_id.empty() ? t.incident.place == d.incident.place
                                              : t.incident.place_id == d.incident.place_id;
      if (i == j || t.date_borrowed || !same) continue;
      for (std::size_t k = 0; k < d.incident.claims.size(); ++k)
        add_claim(t, d.claim_spans[k], source);
      t.evidence.insert(t.evidence.end(), d.evidence.begin(), d.evidence.end());
      if (event_rank(d.incident.event_type) < event_rank(t.incident.event_type))
        t.incident.event_type = d.incident.event_type;
      for (const auto& a : d.weapons)
        if (std::find(t.weapons.begin(), t.weapons.end(), a) == t.weapons.end())
          t.weapons.push_back(a);
      d.incident.place.clear();  // marks it merged
      break;
    }
  }
  std::erase_if(drafts, [](const DraftIncident& d) { return d.incident.place.empty(); });
}

void date_from_lead(std::vector<DraftIncident>& drafts, const DateMention* lead) {
  if (!lead) return;
  for (DraftIncident& d : drafts) {
    std::string& notes = d.incident.notes;
    if (!d.incident.date.start.empty() || !d.date_borrowed || !notes.starts_with(kUndatedNote))
      continue;
    d.incident.date = lead->range;
    notes = "no date in the sentence: the date of the article's lead (\"" + lead->text + "\")" +
            notes.substr(kUndatedNote.size());
  }
}

// The claims and sources of one merged draft by source: the drafts of a
// place many articles name gather thousands of claims, and a new claim can
// only repeat one of its own article.
void DraftMerger::Index::add(const Claim& c, std::size_t i) { claims[c.source].push_back(i); }

void DraftMerger::add_indexed(std::size_t at, const ClaimMention& cm, const std::string& source) {
  DraftIncident& m = out_[at];
  Index& index = index_[at];
  Claim c = cm.claim;
  c.source = source;
  if (auto it = index.claims.find(source); it != index.claims.end())
    for (std::size_t i : it->second)
      if (repeats(m.incident.claims[i], c)) {
        complete(m.incident.claims[i], c);
        return;
      }
  index.add(c, m.incident.claims.size());
  append_claim(m, std::move(c), cm, source);
}

void DraftMerger::add(DraftIncident&& d) {
  const Incident& inc = d.incident;
  bool conflict = inc.resolve_note == "conflict-wide";
  std::string key = conflict ? "conflict|" + inc.place + "|" + inc.event_type + "|" + inc.date.start
                             : (inc.place_id.empty() ? slug(inc.place) : inc.place_id) + "|" +
                                   inc.date.start + "|" + inc.date.end;
  auto [it, fresh] = by_key_.emplace(key, out_.size());
  if (fresh) {
    Index& index = index_.emplace_back();
    for (std::size_t i = 0; i < inc.claims.size(); ++i) index.add(inc.claims[i], i);
    index.sources.insert(inc.sources.begin(), inc.sources.end());
    out_.push_back(std::move(d));  // moved: the drafts are not held twice
    return;
  }
  const std::size_t at = it->second;
  DraftIncident& m = out_[at];
  Incident& mi = m.incident;
  if (event_rank(inc.event_type) < event_rank(mi.event_type)) mi.event_type = inc.event_type;
  for (const auto& a : d.weapons)
    if (std::find(m.weapons.begin(), m.weapons.end(), a) == m.weapons.end()) m.weapons.push_back(a);
  for (const auto& s : inc.sources)
    if (index_[at].sources.insert(s).second) mi.sources.push_back(s);
  for (std::size_t i = 0; i < d.claim_spans.size(); ++i) {
    ClaimMention cm = d.claim_spans[i];
    cm.claim = inc.claims[i];
    add_indexed(at, cm, inc.claims[i].source);
  }
  m.evidence.insert(m.evidence.end(), std::make_move_iterator(d.evidence.begin()),
                    std::make_move_iterator(d.evidence.end()));
  // add_claim's spans too: a long text's drafts would grow them again.
  if (!keep_evidence_) m.evidence.clear();
  if (conflict && !inc.date.start.empty()) {
    if (mi.date.start.empty() || inc.date.start < mi.date.start) mi.date.start = inc.date.start;
    if (mi.date.end.empty() || inc.date.end > mi.date.end) mi.date.end = inc.date.end;
    if (mi.date.start != mi.date.end) mi.date.precision = "range";
  }
}

std::vector<DraftIncident> merge_drafts(std::vector<DocExtraction>& docs, bool keep_evidence) {
  DraftMerger merger(keep_evidence);
  for (auto& x : docs) {
    for (auto& d : x.incidents) merger.add(std::move(d));
    x.incidents = {};
  }
  std::vector<DraftIncident> out = merger.take();
  for (auto& d : out) {
    if (d.weapons.empty()) continue;
    std::string list;
    for (const auto& w : d.weapons) list += (list.empty() ? "" : ", ") + w;
    d.incident.notes += (d.incident.notes.empty() ? "" : "; ") + std::string("weapons: ") + list;
  }
  // Stable, readable ids.
  std::map<std::string, int> used;
  for (auto& d : out) {
    Incident& inc = d.incident;
    std::string base = "x-" + slug(normalize_name(inc.place)) +
                       (inc.date.start.empty() ? "" : "-" + inc.date.start);
    int n = ++used[base];
    inc.id = n == 1 ? base : base + "-" + std::to_string(n);
  }
  return out;
}

}  // namespace bm::extract
