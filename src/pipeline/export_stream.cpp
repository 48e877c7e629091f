#include "pipeline/export_stream.hpp"

#include <malloc.h>

#include <thread>

#include "core/error.hpp"
#include "db/pg_connection.hpp"
#include "export/stream.hpp"
#include "geodata/gdal.hpp"
#include "geodata/world_borders.hpp"
#include "ingest/ingest.hpp"
#include "link/linker.hpp"
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

// What stays the same for every block: the border, the linker.
struct Run {
  const ChainOptions& o;
  PlaceResolver resolver;
  std::vector<Country> countries;
  std::vector<BorderSegment> segments;
  std::string a, b;
  std::unique_ptr<Linker> linker;
  std::unique_ptr<ExportStream> stream;
  std::vector<UserField> user;
  std::string first_date;

  explicit Run(const ChainOptions& options) : o(options) {
    const Bundle& bundle = resolver.bundle();
    countries = bundle.countries();
    std::tie(a, b) = parse_border(o.filter.border);
    segments = border_segments(bundle, a, b, countries);
    if (segments.empty())
      throw InputError("countries " + a + " and " + b + " share no border in the bundled data");
    linker = std::make_unique<Linker>(
        segments, countries, LinkOptions{o.within_m, o.filter.as_of, 0, has_world_borders(bundle)});
  }

  // One link per located incident, in order. Points go to the linker's
  // parallel batch; region incidents (rare) are linked one by one.
  std::vector<Link> link(const std::vector<Incident>& incidents) {
    const RegionAreas& areas = resolver.region_areas();
    std::vector<LonLat> points;
    std::vector<std::string> dates;
    std::vector<const Incident*> batched;
    for (const auto& i : incidents) {
      if (!i.location) continue;
      if (!i.date.start.empty() && (first_date.empty() || i.date.start < first_date))
        first_date = i.date.start;
      if (is_region(i, areas)) continue;
      points.push_back(*i.location);
      dates.push_back(i.date.start);
      batched.push_back(&i);
    }
    std::vector<PointLink> found = linker->link_points(points, dates);
    std::vector<Link> links;
    std::size_t next = 0;
    for (const auto& i : incidents) {
      if (!i.location) continue;
      if (next < batched.size() && batched[next] == &i) {
        links.push_back(linker->to_link(i.id, found[next++]));
      } else {
        links.push_back(linker->link(i, areas.at(i.id).get()));
      }
    }
    return links;
  }

  static bool is_region(const Incident& i, const RegionAreas& areas) {
    return i.precision == GeoPrecision::region && areas.count(i.id);
  }

  // The layers written after the incidents: as run_chain builds them.
  ExportData rest() const {
    ExportData d;
    for (const auto& c : countries) d.country_names[c.iso2] = c.name;
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
  return o.inputs.size() == 1 && !db::is_pg(o.inputs[0]) && o.inputs[0] != "-" &&
         !o.filter.border.empty() && can_stream(out, options);
}

namespace {

struct Stopped {};  // the consumer stopped: unwinds the reader

// Reads `path` in blocks on its own thread into `queue`.
std::thread start_reader(const std::string& path, BlockQueue& queue) {
  return std::thread([&queue, path] {
    try {
      ingest::read_blocks(path, {}, kExportBlockRows, [&](IncidentTable& t) {
        if (!queue.push(std::move(t))) throw Stopped{};
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
  BlockQueue& queue;
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
  const std::string& path = o.inputs[0];
  gdal::init();         // once, before two threads use GDAL
  BlockQueue queue(0);  // hand-over: a read block waits in the reader
  std::thread reader = start_reader(path, queue);
  ReaderGuard guard{queue, reader};
  Run run(o);                      // loading the bundle overlaps reading the first block
  std::unique_ptr<Writer> writer;  // started with the outputs, destroyed first
  auto block = [&](IncidentTable& t) {
    result.incidents_read += t.incidents.size() + t.rejected.size();
    result.rejected.insert(result.rejected.end(), t.rejected.begin(), t.rejected.end());
    apply_filter(t.incidents, o.filter, path, result.rejected);  // dates first: cheap
    run.resolver.resolve(t.incidents, path, result.rejected, o.progress);
    apply_filter(t.incidents, o.filter, path, result.rejected);  // bbox needs locations
    if (t.incidents.empty()) return;
    std::vector<UserField> user = user_fields(t.incidents, incident_field_names());
    if (!run.stream) {
      run.user = user;
      run.stream = open_export_stream(out, options, std::move(user));
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
    for (IncidentTable t; queue.pop(t);) block(t);
  } catch (const NoFit&) {
    return false;
  }
  if (writer) writer->finish();
  if (!run.stream) run.stream = open_export_stream(out, options, {});
  result.written = run.stream->finish(run.rest());
  return true;
}

}  // namespace bm
