#include "pipeline/export_stream.hpp"

#include <malloc.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <thread>

#include "core/error.hpp"
#include "db/pg_connection.hpp"
#include "export/stream.hpp"
#include "geodata/gdal.hpp"
#include "geodata/world_borders.hpp"
#include "ingest/ingest.hpp"
#include "link/linker.hpp"
#include "link/segments_near.hpp"
#include "pipeline/block_queue.hpp"
#include "pipeline/resolve_step.hpp"

namespace bm {
namespace {

// A later block's user columns fit the ones the outputs were opened with.
bool fits(const std::vector<UserField>& opened, const std::vector<UserField>& block) {
  for (const auto& b : block) {
    const UserField* known = nullptr;
    for (const auto& o : opened)
      if (o.key == b.key) known = &o;
    if (!known) return false;
    bool ok = known->type == UserFieldType::text || known->type == b.type ||
              (known->type == UserFieldType::real && b.type == UserFieldType::integer);
    if (!ok) return false;
  }
  return true;
}

struct NoFit {};  // thrown out of the block loop; nothing is committed

// The --border's segments.
std::vector<BorderSegment> border_of(const ChainOptions& o, const Bundle& bundle,
                                     const std::vector<Country>& countries) {
  auto [a, b] = parse_border(o.filter.border);
  std::vector<BorderSegment> segments = border_segments(bundle, a, b, countries);
  if (segments.empty())
    throw InputError("countries " + a + " and " + b + " share no border in the bundled data");
  return segments;
}

bool covers(const Bounds& outer, const Bounds& inner) {
  return inner.empty() ||
         (!outer.empty() && outer.min_lon <= inner.min_lon && outer.min_lat <= inner.min_lat &&
          outer.max_lon >= inner.max_lon && outer.max_lat >= inner.max_lat);
}

Bounds located_in(const std::vector<Incident>& incidents) {
  Bounds b;
  for (const auto& i : incidents)
    if (i.location) b.add(*i.location);
  return b;
}

// Without --border, which border the run is about: the pair of countries
// most links go to (PairVotes, as run_chain chooses it), and
// every segment some incident links to, tallied block by block.
struct BorderTally {
  std::map<std::string, std::pair<std::string, std::string>> pair_of;  // segment id
  PairVotes votes;
  std::set<std::string> used;

  void know(const std::vector<BorderSegment>& segments) {
    for (const auto& s : segments) pair_of.emplace(s.id, std::pair{s.country_a, s.country_b});
  }
  void add(const Link& l) {
    if (auto it = pair_of.find(l.segment_id); it != pair_of.end())
      votes.add(it->second, l.distance_m);
    used.insert(l.segment_id);
    used.insert(l.disputed_segment_id);
  }
  std::pair<std::string, std::string> main_pair() const { return votes.winner(); }
};

// What stays the same for every block: the border, the linker.
struct Run {
  const ChainOptions& o;
  PlaceResolver resolver;
  std::vector<Country> countries;
  std::vector<BorderSegment> segments;
  std::string a, b;
  std::unique_ptr<Linker> linker;
  std::unique_ptr<ExportStream> stream;
  std::unique_ptr<BorderTally> tally;  // without --border
  Bounds located;                      // where the located incidents lie
  Bounds linked_area;                  // without --border: what `segments` serve
  double exact_within_m = 1e9;         // links farther than this may have missed a row
  bool all_loaded = false;             // every bundled row (a table spread over continents)
  std::vector<UserField> user;
  std::string first_date;
  // The table so far, for the linker to link each block as it would the
  // whole table: its row count and a country grid (built at the second
  // block, when the table is known to be more than one; it refers to the
  // linker, so it goes with it).
  std::size_t rows_linked = 0;
  std::unique_ptr<AreaGrid> grid;

  explicit Run(const ChainOptions& options) : o(options) {
    const Bundle& bundle = resolver.bundle();
    countries = bundle.countries();
    if (o.filter.border.empty()) {
      tally = std::make_unique<BorderTally>();  // the linker comes with the first block
      return;
    }
    std::tie(a, b) = parse_border(o.filter.border);
    segments = border_of(o, bundle, countries);
    make_linker();
  }

  void make_linker() {
    grid.reset();
    linker = std::make_unique<Linker>(
        segments, countries,
        LinkOptions{o.within_m, o.filter.as_of, 0, has_world_borders(resolver.bundle())});
  }

  // Without --border: the segments near the incidents so far, as run_chain
  // takes them near the whole table (segments_near). Reloaded only when a
  // block lies outside the area so far: a table about one region loads
  // them once; every land border of the world would cost gigabytes.
  void cover(const Bounds& block) {
    if (!tally || (linker && covers(linked_area, block))) return;
    // A degree around: the next blocks of a table about one region fall
    // inside, instead of each reloading for a few metres more.
    linked_area.add(Bounds{block.min_lon - 1, std::max(-90.0, block.min_lat - 1), block.max_lon + 1,
                           std::min(90.0, block.max_lat + 1)});
    NearSegments near = segments_near(resolver.bundle(), linked_area);
    segments = std::move(near.segments);
    exact_within_m = near.exact_within_m;
    tally->know(segments);
    make_linker();
  }

  // A link farther than the loaded rows are sure of (a point far out at sea)
  // may have missed a nearer segment: every row is loaded, as run_chain does.
  bool load_all_if_beyond(const std::vector<Link>& links) {
    if (!tally || !beyond_near(links, exact_within_m)) return false;
    linked_area = Bounds{-180, -90, 180, 90};
    segments = resolver.bundle().segments();
    exact_within_m = 1e9;
    all_loaded = true;
    tally->know(segments);
    make_linker();
    return true;
  }

  // One link per located incident, in order. Points go to the linker's
  // parallel batch; region incidents (rare) are linked one by one.
  std::vector<Link> link(const std::vector<Incident>& incidents) {
    for (const auto& i : incidents)  // the status date as map_status_date takes it
      if (!i.date.start.empty() && (first_date.empty() || i.date.start < first_date))
        first_date = i.date.start;
    const Bounds block = located_in(incidents);
    if (block.empty()) return {};
    located.add(block);
    cover(block);
    const RegionAreas& areas = resolver.region_areas();
    std::vector<LonLat> points;
    std::vector<std::string> dates;
    std::vector<const Incident*> batched;
    for (const auto& i : incidents) {
      if (!i.location || is_region(i, areas)) continue;
      points.push_back(*i.location);
      dates.push_back(i.date.start);
      batched.push_back(&i);
    }
    std::vector<Link> links = link_with_linker(incidents, points, dates, batched);
    if (load_all_if_beyond(links)) links = link_with_linker(incidents, points, dates, batched);
    if (tally)
      for (const auto& l : links) tally->add(l);
    return links;
  }

  std::vector<Link> link_with_linker(const std::vector<Incident>& incidents,
                                     const std::vector<LonLat>& points,
                                     const std::vector<std::string>& dates,
                                     const std::vector<const Incident*>& batched) {
    const RegionAreas& areas = resolver.region_areas();
    std::vector<PointLink> found = linker->link_points(points, dates, table_hint(points.size()));
    std::vector<Link> links;
    std::size_t next = 0;
    for (const auto& i : incidents) {
      if (!i.location) continue;
      if (next < batched.size() && batched[next] == &i)
        links.push_back(linker->to_link(i.id, found[next++]));
      else
        links.push_back(linker->link(i, areas.at(i.id).get()));
    }
    return links;
  }

  LinkHint table_hint(std::size_t points) {
    rows_linked += points;
    if (!grid && rows_linked > kExportBlockRows) {
      const Bounds& box = located;  // a degree around, as `cover` loads segments
      grid = linker->area_grid_over(Bounds{box.min_lon - 1, std::max(-90.0, box.min_lat - 1),
                                           box.max_lon + 1, std::min(90.0, box.max_lat + 1)});
    }
    return {grid.get(), rows_linked};
  }

  static bool is_region(const Incident& i, const RegionAreas& areas) {
    return i.precision == GeoPrecision::region && areas.count(i.id);
  }

  // Without --border: the main border and the segments the layers show,
  // as run_chain chooses them.
  void choose_border() {
    if (!tally) return;
    std::tie(a, b) = tally->main_pair();
    if (a.empty())
      throw UsageError(
          "no incident could be linked to a border — give --border, e.g. --border KG-TJ");
    // The rows in the order run_chain has them: those near the table first.
    std::vector<BorderSegment> shown;
    for (auto& s : all_loaded ? resolver.bundle().segments()
                              : segments_near(resolver.bundle(), located).segments)
      if (tally->used.count(s.id) || (s.country_a == a && s.country_b == b))
        shown.push_back(std::move(s));
    segments = std::move(shown);
  }

  CountryNames country_names() const {  // every country, as run_chain names them
    CountryNames names;
    for (const auto& c : countries) names[c.iso2] = c.name;
    return names;
  }

  // The layers written after the incidents: as run_chain builds them.
  ExportData rest() {
    choose_border();
    ExportData d;
    d.country_names = country_names();
    const Bounds near = near_extent(segments);
    for (const auto& c : countries)
      if (bounds_of(c.area).intersects(near)) d.countries.push_back(c);
    d.focus = {a, b};
    d.as_of = o.filter.as_of.empty() ? first_date : o.filter.as_of;
    d.segments = segments;
    return d;
  }
};

}  // namespace

bool can_stream_export(const ChainOptions& o, const std::string& out,
                       const ExportOptions& options) {
  if (o.inputs.empty()) return false;  // the bundled default table: small
  std::uintmax_t bytes = 0;
  for (const auto& in : o.inputs) {
    if (db::is_pg(in)) return false;  // stdin ("-") streams: export spools it (StdinSpool)
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(in, ec);
    bytes += ec ? 0 : size;
  }
  if (o.filter.border.empty() && bytes < kStreamWorldBytes) return false;
  return can_stream(out, options);
}

namespace {

struct Stopped {};  // the consumer stopped: unwinds the reader

// A block of rows and the input it was read from (for the rejections).
struct ReadBlock {
  std::string path;
  IncidentTable table;
};
using ReadQueue = BoundedQueue<ReadBlock>;

// Reads every input in turn, in blocks, on its own thread into `queue`.
std::thread start_reader(const std::vector<std::string>& paths, ReadQueue& queue) {
  return std::thread([&queue, paths] {
    try {
      for (const auto& path : paths)
        ingest::read_blocks(path, {}, kExportBlockRows, [&](IncidentTable& t) {
          if (!queue.push({path, std::move(t)})) throw Stopped{};
        });
      queue.close();
    } catch (const Stopped&) {
      queue.close();
    } catch (...) {
      queue.close(std::current_exception());
    }
  });
}

// Stops and joins the reader however the consumer leaves.
struct ReaderGuard {
  ReadQueue& queue;
  std::thread& thread;
  ~ReaderGuard() {
    queue.stop();
    thread.join();
  }
};

// A linked block on its way to the writer thread.
struct LinkedBlock {
  std::vector<Incident> incidents;
  std::vector<Link> links;
};

// Writes linked blocks on its own thread, so formatting and writing block n
// overlaps resolving and linking block n+1 (a profile of 1M rows: writing
// was a third of the main thread). Blocks are written in order.
class Writer {
 public:
  explicit Writer(ExportStream& stream) : thread_([this, &stream] { run(stream); }) {}
  ~Writer() {
    queue_.stop();
    if (thread_.joinable()) thread_.join();
  }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  void write(LinkedBlock&& block) {
    if (!queue_.push(std::move(block))) rethrow();
  }
  // Waits for every block to be written; rethrows the writer's failure.
  void finish() {
    queue_.close();
    thread_.join();
    rethrow();
  }

 private:
  void run(ExportStream& stream) {
    try {
      for (LinkedBlock b; queue_.pop(b);) stream.write(b.incidents, b.links);
    } catch (...) {
      error_ = std::current_exception();  // read after stop() or join: ordered
      queue_.stop();
    }
  }
  void rethrow() {
    if (error_) std::rethrow_exception(error_);
  }
  BoundedQueue<LinkedBlock> queue_{0};  // hand-over: bounds memory
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace

bool stream_export(const ChainOptions& o, const std::string& out, const ExportOptions& options,
                   StreamedExport& result) {
  // Each block frees and allocates the same sizes again: keep freed memory
  // in the heap (a profile showed a third of the time in page faults).
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  gdal::init();        // once, before two threads use GDAL
  ReadQueue queue(0);  // hand-over: a read block waits in the reader
  std::thread reader = start_reader(o.inputs, queue);
  ReaderGuard guard{queue, reader};
  Run run(o);                      // loading the bundle overlaps reading the first block
  std::unique_ptr<Writer> writer;  // started with the outputs, destroyed first
  auto block = [&](ReadBlock& read) {
    IncidentTable& t = read.table;
    const std::string& path = read.path;
    result.incidents_read += t.incidents.size() + t.rejected.size();
    result.rejected.insert(result.rejected.end(), t.rejected.begin(), t.rejected.end());
    apply_filter(t.incidents, o.filter, path, result.rejected);  // dates first: cheap
    run.resolver.resolve(t.incidents, path, result.rejected, o.progress);
    apply_filter(t.incidents, o.filter, path, result.rejected);  // bbox needs locations
    if (t.incidents.empty()) return;
    std::vector<UserField> user = user_fields(t.incidents, incident_field_names());
    if (!run.stream) {
      run.user = user;
      run.stream = open_export_stream(out, options, std::move(user), run.country_names());
      writer = std::make_unique<Writer>(*run.stream);
    } else if (!fits(run.user, user)) {
      throw NoFit{};
    }
    std::vector<Link> links = run.link(t.incidents);
    result.incidents += t.incidents.size();
    result.links += links.size();
    writer->write({std::move(t.incidents), std::move(links)});
  };
  try {
    for (ReadBlock read; queue.pop(read);) block(read);
  } catch (const NoFit&) {
    return false;
  }
  if (writer) writer->finish();
  // Nothing linked without --border: the whole-table path says why.
  if (run.tally && result.links == 0) return false;
  if (!run.stream) run.stream = open_export_stream(out, options, {}, run.country_names());
  result.written = run.stream->finish(run.rest());
  return true;
}

}  // namespace bm
