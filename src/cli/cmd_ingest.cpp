#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/global.hpp"
#include "core/error.hpp"
#include "ingest/ingest.hpp"
#include "io/atomic.hpp"
#include "io/csv.hpp"

namespace bm::cli {
namespace {

class IngestCommand : public Command {
 public:
  const char* name() const override { return "ingest"; }
  const char* summary() const override {
    return "Read ACLED, UCDP GED, OGR/PostGIS or bordermap tables into bordermap's incident CSV";
  }
  const char* example() const override {
    return "bordermap ingest acled_export.csv events.gpkg --map date=EVENT_DT,place=LOC "
           "-o incidents.csv";
  }
  void setup(CLI::App& app) override {
    std::string names;
    for (const auto& f : ingest::formats())
      names += std::string("\n  ") + f.name + ": " + f.summary;
    app.add_option("inputs", inputs_,
                   "Files, '-' for stdin, or GDAL sources such as \"PG:dbname=gis\"")
        ->required()
        ->each(note_input);
    app.add_option("--format", options_.format,
                   "Input format (default: detected from the content):" + names);
    app.add_option("--map", maps_,
                   "OGR sources: our field=their field, comma-separated, e.g. "
                   "date=EVENT_DT,place=LOC (fields: id, date, date_end, date_precision, place, "
                   "admin1, country, lon, lat, geo_precision, event_type, actors, killed, injured, "
                   "claims, sources, notes)");
    app.add_option("--layer", options_.layer, "OGR sources with several layers: the one to read");
    app.add_option("-o,--out", out_, "Output incident CSV, or '-' for stdout")->required();
    app.add_option("--rejected", rejected_path_,
                   "Also write the rejected records (file,line,record,reason) to this CSV");
  }
  void run() override {
    for (const auto& m : maps_)
      for (auto& [k, v] : ingest::parse_field_map(m)) options_.field_map[k] = v;
    std::vector<Incident> incidents;
    std::vector<Rejection> rejected;
    std::size_t read = 0;
    for (const auto& input : inputs_) {
      IncidentTable t = ingest::read(input, options_);
      note_rejections(t.rejected, "rejected");
      read += t.incidents.size() + t.rejected.size();
      rejected.insert(rejected.end(), t.rejected.begin(), t.rejected.end());
      for (auto& i : t.incidents) incidents.push_back(std::move(i));
    }
    write_file(out_, [&](std::ostream& o) { write_incidents_csv(o, incidents); });
    if (!rejected_path_.empty())
      write_file(rejected_path_, [&](std::ostream& o) {
        csv::write_row(o, {"file", "line", "record", "reason"});
        for (const auto& r : rejected)
          csv::write_row(o, {r.file, std::to_string(r.line), r.record, r.reason});
      });
    note("read " + std::to_string(read) + " records, used " + std::to_string(incidents.size()) +
         ", rejected " + std::to_string(rejected.size()));
  }

 private:
  std::vector<std::string> inputs_;
  std::vector<std::string> maps_;
  ingest::Options options_;
  std::string out_;
  std::string rejected_path_;
};

}  // namespace

std::unique_ptr<Command> make_ingest_command() { return std::make_unique<IngestCommand>(); }

}  // namespace bm::cli
