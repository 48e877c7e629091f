#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/global.hpp"
#include "cli/link_postgis.hpp"
#include "core/error.hpp"
#include "db/pg_connection.hpp"
#include "export/csv_export.hpp"
#include "io/stdin_spool.hpp"
#include "pipeline/chain.hpp"
#include "pipeline/link_table.hpp"

namespace bm::cli {
namespace {

// "-" as input: stdin copied to a temporary file, removed afterwards.
// Messages name it "<stdin>", not the temporary path.
class StdinCopy {
 public:
  explicit StdinCopy(std::string& input) {
    if (input != "-") return;
    path_ = (std::filesystem::temp_directory_path() / "bordermap-stdin-XXXXXX").string();
    const int fd = ::mkstemp(path_.data());
    if (fd < 0) throw InputError("<stdin>: cannot make a temporary file to hold it in " + path_);
    ::close(fd);
    std::filebuf out;
    if (!out.open(path_, std::ios::out | std::ios::binary | std::ios::trunc))
      throw InputError("<stdin>: cannot open the temporary file " + path_);
    io::copy_stdin(out);
    input = path_;
  }
  ~StdinCopy() {
    if (!path_.empty()) std::filesystem::remove(path_);
  }
  StdinCopy(const StdinCopy&) = delete;
  StdinCopy& operator=(const StdinCopy&) = delete;

  std::string shown(std::string text) const {
    for (auto at = path_.empty() ? std::string::npos : text.find(path_); at != std::string::npos;
         at = text.find(path_, at))
      text.replace(at, path_.size(), "<stdin>");
    return text;
  }

 private:
  std::string path_;
};

class LinkCommand : public Command {
 public:
  const char* name() const override { return "link"; }
  const char* summary() const override {
    return "Link incidents to the border: nearest (disputed) segment, geodesic distance, "
           "country, enclave";
  }
  const char* example() const override {
    return "bordermap link incidents.csv -o links.csv --within 5km --summary segments.csv";
  }
  void setup(CLI::App& app) override {
    app.add_option("input", o_.input,
                   "Incident table (bordermap's schema, ACLED, UCDP, or id,lon,lat[,date]); - "
                   "reads stdin")
        ->required()
        ->each(note_input);
    app.add_option("-o,--out", o_.out, "Output CSV, - for stdout")->capture_default_str();
    app.add_option("--format", format_,
                   "links: one row per incident with its links; incidents: the incident "
                   "table with the link columns appended, which render, report and export "
                   "read (default: incidents on stdout, links in a file)")
        ->check(CLI::IsMember({"links", "incidents"}));
    app.add_option("--segments", o_.segments_file,
                   "Border segments file (GeoJSON/GPKG lines; fields id, name, status, "
                   "valid_from, valid_to); default: the bundled segments");
    app.add_option("--within", o_.within, "Zone flagged as within_zone (e.g. 5km, 500m)")
        ->capture_default_str();
    app.add_option("--summary", o_.summary, "Also write the per-segment summary CSV here");
    app.add_option("--threads", o_.threads, "Worker threads (default: every core)");
    app.add_option("--engine", engine_,
                   "memory: link here; postgis: link inside the PG: input's database (KNN on "
                   "GiST, geodesic refine); auto: postgis when the input is PG: and its "
                   "database holds --segments-table")
        ->check(CLI::IsMember({"auto", "memory", "postgis"}))
        ->capture_default_str();
    app.add_option("--table", pg_.table, "postgis engine: the incidents table (default: tables=)");
    app.add_option("--segments-table", pg_.segments, "postgis engine: the segments table")
        ->capture_default_str();
    app.add_option("--countries-table", pg_.countries,
                   "postgis engine: countries table (id, geom) for the country and enclave "
                   "columns, e.g. the one `data --to` loads");
    app.add_option("--periods-table", pg_.periods,
                   "postgis engine: status periods (segment_id, status, valid_from, valid_to, "
                   "geom); default: …segment_periods beside a …border_segments table");
    app.add_option("--regions-table", pg_.regions,
                   "postgis engine: admin-1 regions (id, name, alt_names, geom) for "
                   "region-precision incidents (default: the regions table beside the segments)");
    app.add_flag("!--no-stage-cache", pg_.stage_cache,
                 "postgis engine: stage the segments and countries in temporary tables only, "
                 "not in the reusable schema bordermap_cache");
    app.add_option("--date-column", pg_.date_column,
                   "postgis engine: the incidents' date column (default: date, event_date or "
                   "incident_date); each incident gets the status of its date");
    app.add_option("--into", pg_.into,
                   "postgis engine: create this table with the links instead of writing -o");
    // --border: bundled segments, or the shared boundary derived from the
    // country polygons; --as-of: one status date for every incident.
    add_filter_options(app, filter_);
  }
  void run() override {
    std::string format = format_.empty() ? (o_.out == "-" ? "incidents" : "links") : format_;
    o_.border = filter_.border;
    o_.as_of = filter_.as_of;
    if (use_postgis(format)) return run_in_database();
    if (format == "incidents") return run_as_stream();
    // The link table is the fast path over plain point tables: it does not
    // filter rows, so say so rather than ignore the filter.
    if (!filter_.from.empty() || !filter_.to.empty() || !filter_.bbox.empty())
      throw UsageError(
          "--from/--to/--bbox filter the incident table: use --format incidents (the default "
          "on stdout), whose rows carry the link columns");
    // The fast reader wants a file it can read twice (sniff, then parse).
    StdinCopy copy(o_.input);
    o_.timing = [](const std::string& m) { detail(m); };  // --verbose
    LinkRunResult r;
    try {
      r = run_link(o_);
    } catch (const InputError& e) {
      throw InputError(copy.shown(e.what()));
    }
    for (auto& rej : r.rejected) rej.file = copy.shown(rej.file);
    note_rejections(r.rejected, "not linked");
    note("linked " + std::to_string(r.linked) + " of " + std::to_string(r.read) + " incidents");
  }

 private:
  bool use_postgis(const std::string& format) const {
    if (engine_ == "memory") return false;
    if (engine_ == "postgis") {
      if (!db::is_pg(o_.input))
        throw UsageError("--engine postgis links inside a database: the input must be PG:…");
      return true;
    }
    bool wants_links = format == "links" || !pg_.into.empty();
    return wants_links && o_.segments_file.empty() && postgis_link_possible(o_.input, pg_.segments);
  }

  void run_in_database() {
    pg_.input = o_.input;
    pg_.out = o_.out;
    pg_.within = o_.within;
    pg_.as_of = o_.as_of;
    std::size_t n = run_postgis_link(pg_);
    note("linked " + std::to_string(n) + " incidents inside PostgreSQL" +
         (pg_.into.empty() ? "" : " into table " + pg_.into));
  }

  // The pipe step: `extract a.txt | link - | render - -o map.svg`.
  void run_as_stream() {
    // The incident table is linked by the shared chain, on the bundled
    // segments: an option it would not use is refused, never ignored.
    if (!o_.segments_file.empty() || !o_.summary.empty())
      throw UsageError(
          "--segments and --summary apply to the links table: give --format links (the default "
          "for -o FILE)");
    ChainOptions co;
    co.inputs = {o_.input};
    co.filter = filter_;
    co.within_m = parse_distance_m(o_.within);
    Chain chain = run_chain(co);
    note_rejections(chain.rejected, "not linked");
    if (o_.out == "-")
      write_csv(std::cout, chain.data, CsvFlavour::bordermap);
    else
      write_csv_file(o_.out, chain.data, CsvFlavour::bordermap);
    note("linked " + std::to_string(chain.data.links.size()) + " of " +
         std::to_string(chain.incidents_read) + " incidents to the " + chain.a + "-" + chain.b +
         " border");
  }

  LinkRunOptions o_;
  std::string format_;
  std::string engine_ = "auto";
  PgLinkRequest pg_{"", "", "border_segments", "", "", "", "", "", "", "-", "5km"};
  IncidentFilter filter_;
};

}  // namespace

std::unique_ptr<Command> make_link_command() { return std::make_unique<LinkCommand>(); }

}  // namespace bm::cli
