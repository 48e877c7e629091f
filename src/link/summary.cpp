#include "link/summary.hpp"

#include <algorithm>
#include <fstream>
#include <map>

#include "core/error.hpp"
#include "io/atomic.hpp"
#include "io/csv.hpp"

namespace bm {
namespace {

// Segments with incidents, most first. The loaded segments include every
// disputed stretch of the world (for the nearest-disputed answer); rows of
// zeros for them would bury the table.
std::vector<SegmentSummary> hot_first(std::map<std::string, SegmentSummary>& rows) {
  std::vector<SegmentSummary> out;
  for (auto& [id, r] : rows)
    if (r.incidents > 0) out.push_back(std::move(r));
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.incidents > b.incidents; });
  return out;
}

// Whether the segment `id` was disputed on `date` (its status period then).
bool disputed_on(const std::vector<BorderSegment>& segments, const std::string& id,
                 const std::string& date) {
  for (const auto& s : segments)
    if (s.id == id && active_on(s, date)) return s.status == SegmentStatus::disputed;
  return false;
}

}  // namespace

KilledRange killed_range(const std::vector<Claim>& claims) {
  std::map<std::string, KilledRange> by_side;
  for (const auto& c : claims) {
    if (c.kind != "killed" || c.scope == "conflict" || (!c.low && !c.high)) continue;
    const long low = c.low ? *c.low : 0;  // "up to 99": from 0
    auto [it, fresh] = by_side.try_emplace(c.side, KilledRange{low, c.high ? *c.high : -1});
    if (fresh) continue;
    KilledRange& r = it->second;
    r.low = std::min(r.low, low);
    r.high = (r.high < 0 || !c.high) ? -1 : std::max(r.high, *c.high);
  }
  if (by_side.empty()) return {};
  long low = 0, high = 0;
  bool open = false;
  for (const auto& [side, r] : by_side) {
    low += r.low;
    if (r.high < 0)
      open = true;
    else
      high += r.high;
  }
  KilledRange out{low, open ? -1 : high};
  return out;
}

std::vector<SegmentSummary> summarize_segments(
    const Linker& linker, const std::vector<PointLink>& links,
    const std::vector<std::string>& dates, const std::vector<KilledRange>& killed,
    const std::vector<std::vector<std::string>>& bounding) {
  const auto& segs = linker.segments();
  std::map<std::string, SegmentSummary> rows;
  for (const auto& s : segs) {
    auto& r = rows[s.id];
    r.segment_id = s.id;
    if (r.name.empty()) r.name = s.name;
  }
  for (std::size_t i = 0; i < links.size(); ++i) {
    const PointLink& l = links[i];
    if (!l.within_zone || l.segment < 0) continue;
    const BorderSegment& nearest = segs[static_cast<std::size_t>(l.segment)];
    std::vector<std::string> ids{nearest.id};
    if (i < bounding.size())
      for (const auto& b : bounding[i])
        if (b != nearest.id) ids.push_back(b);
    for (const auto& id : ids) {
      SegmentSummary& r = rows[id];
      ++r.incidents;
      const std::string& date = i < dates.size() ? dates[i] : std::string();
      if (id == nearest.id ? nearest.status == SegmentStatus::disputed
                           : disputed_on(segs, id, date))
        ++r.while_disputed;
      if (i < killed.size() && killed[i].low >= 0) {
        r.killed_low += killed[i].low;
        if (killed[i].high < 0)
          r.killed_high_open = true;
        else
          r.killed_high += killed[i].high;
      }
      if (i < dates.size() && !dates[i].empty()) {
        if (r.first_date.empty() || dates[i] < r.first_date) r.first_date = dates[i];
        if (r.last_date.empty() || dates[i] > r.last_date) r.last_date = dates[i];
      }
    }
  }
  return hot_first(rows);
}

std::vector<SegmentSummary> summarize_links(const std::vector<BorderSegment>& segments,
                                            const std::vector<const Incident*>& incidents,
                                            const std::vector<Link>& links) {
  std::map<std::string, SegmentSummary> rows;
  for (const auto& s : segments) {
    auto& r = rows[s.id];
    r.segment_id = s.id;
    if (r.name.empty()) r.name = s.name;
  }
  for (std::size_t i = 0; i < links.size() && i < incidents.size(); ++i) {
    const Link& l = links[i];
    if (!l.within_zone || l.segment_id.empty()) continue;
    std::vector<std::string> ids{l.segment_id};
    for (const auto& b : l.bounding_segment_ids)
      if (b != l.segment_id) ids.push_back(b);
    const KilledRange k = killed_range(incidents[i]->claims);
    const std::string& date = incidents[i]->date.start;
    for (const auto& id : ids) {
      SegmentSummary& r = rows[id];
      if (r.segment_id.empty()) r.segment_id = id;
      ++r.incidents;
      if (id == l.segment_id ? l.segment_status == SegmentStatus::disputed
                             : disputed_on(segments, id, date))
        ++r.while_disputed;
      if (k.low >= 0) {
        r.killed_low += k.low;
        if (k.high < 0)
          r.killed_high_open = true;
        else
          r.killed_high += k.high;
      }
      if (!date.empty()) {
        if (r.first_date.empty() || date < r.first_date) r.first_date = date;
        if (r.last_date.empty() || date > r.last_date) r.last_date = date;
      }
    }
  }
  return hot_first(rows);
}

void write_summary_csv(const std::string& path, const std::vector<SegmentSummary>& rows) {
  write_file(path, [&](std::ostream& out) {
    csv::write_row(out, {"segment_id", "name", "incidents", "incidents_while_disputed",
                         "killed_low", "killed_high", "first_date", "last_date"});
    for (const auto& r : rows)
      csv::write_row(out, {r.segment_id, r.name, std::to_string(r.incidents),
                           std::to_string(r.while_disputed), std::to_string(r.killed_low),
                           r.killed_high_open ? "" : std::to_string(r.killed_high), r.first_date,
                           r.last_date});
  });
}

}  // namespace bm
