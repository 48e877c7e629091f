#include <iostream>

#include "cli/commands.hpp"
#include "report/report.hpp"

namespace bm::cli {
namespace {

class ReportCommand : public Command {
 public:
  const char* name() const override { return "report"; }
  const char* summary() const override {
    return "Whole chain: incidents -> places -> border links -> map (SVG/PNG) and GeoJSON";
  }
  const char* example() const override { return "bordermap report -o out/ my_incidents.csv"; }
  void setup(CLI::App& app) override {
    app.add_option("inputs", o_.inputs,
                   "Incident CSV files (default: the bundled Sep 2022 Kyrgyz–Tajik data)");
    app.add_option("-o,--out", o_.out_dir, "Output directory")->capture_default_str();
    app.add_option("--border", o_.border,
                   "Border as two ISO codes, e.g. KG-TJ (default: from the incidents)");
    app.add_option("--style", o_.style, "Map style name or .toml path")->capture_default_str();
    app.add_option("--as-of", o_.as_of,
                   "Date whose border status is drawn (default: first incident date)");
    app.add_option("--title", o_.title, "Map title");
  }
  void run() override {
    ReportResult r = run_report(o_);
    for (const auto& rej : r.rejected)
      std::cerr << "bordermap: not mapped: " << rej.file
                << (rej.line ? ":" + std::to_string(rej.line) : "") << ": " << rej.record << ": "
                << rej.reason << '\n';
    std::cout << "Read " << r.incidents_read << " incidents, mapped " << r.incidents_mapped
              << ", not mapped " << r.rejected.size() << " (see rejected.csv).\n";
    for (const auto& p : r.written) std::cout << "wrote " << p << '\n';
  }

 private:
  ReportOptions o_;
};

}  // namespace

std::unique_ptr<Command> make_report_command() { return std::make_unique<ReportCommand>(); }

}  // namespace bm::cli
