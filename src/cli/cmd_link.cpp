#include <iostream>

#include "cli/commands.hpp"
#include "link/run_link.hpp"

namespace bm::cli {
namespace {

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
    app.add_option("input", o_.input, "Incident CSV (bordermap's schema, or id,lon,lat[,date])")
        ->required();
    app.add_option("-o,--out", o_.out, "Link table CSV, - for stdout")->capture_default_str();
    app.add_option("--segments", o_.segments_file,
                   "Border segments file (GeoJSON/GPKG lines; fields id, name, status, "
                   "valid_from, valid_to); default: the bundled segments");
    app.add_option("--border", o_.border,
                   "Two ISO codes, e.g. KG-TJ: bundled segments, or the shared boundary "
                   "derived from the country polygons");
    app.add_option("--within", o_.within, "Zone flagged as within_zone (e.g. 5km, 500m)")
        ->capture_default_str();
    app.add_option("--as-of", o_.as_of,
                   "Border status date for every incident (default: each incident's date)");
    app.add_option("--summary", o_.summary, "Also write the per-segment summary CSV here");
    app.add_option("--threads", o_.threads, "Worker threads (default: every core)");
  }
  void run() override {
    LinkRunResult r = run_link(o_);
    for (const auto& rej : r.rejected)
      std::cerr << "bordermap: " << rej.file << (rej.line ? ":" + std::to_string(rej.line) : "")
                << ": " << rej.record << ": " << rej.reason << '\n';
    std::cerr << "bordermap: linked " << r.linked << " of " << r.read << " incidents\n";
  }

 private:
  LinkRunOptions o_;
};

}  // namespace

std::unique_ptr<Command> make_link_command() { return std::make_unique<LinkCommand>(); }

}  // namespace bm::cli
