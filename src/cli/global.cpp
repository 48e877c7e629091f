#include "cli/global.hpp"

#include <functional>
#include <iostream>

#include "core/filter.hpp"

namespace bm::cli {

GlobalOptions& global() {
  static GlobalOptions options;
  return options;
}

void note(const std::string& message) {
  if (!global().quiet) std::cerr << "bordermap: " << message << '\n';
}

void detail(const std::string& message) {
  if (global().verbose && !global().quiet) std::cerr << "bordermap: " << message << '\n';
}

namespace {

// CLI11 validators report problems by returning a message; our checks throw.
template <class F>
std::function<std::string(const std::string&)> rethrow_as_message(F check) {
  return [check](const std::string& s) -> std::string {
    try {
      check(s);
      return {};
    } catch (const std::exception& e) {
      return e.what();
    }
  };
}

}  // namespace

void add_input_option(CLI::App& app, std::vector<std::string>& inputs) {
  app.add_option("inputs,--incidents", inputs,
                 "Incident tables: bordermap CSV, ACLED, UCDP GED or any OGR source; - reads "
                 "stdin (default: the bundled Sep 2022 Kyrgyz–Tajik data)");
}

void add_filter_options(CLI::App& app, IncidentFilter& f) {
  const char* group = "Filters";
  app.add_option("--from", f.from, "Keep incidents on or after this date (YYYY-MM-DD)")
      ->group(group)
      ->check(rethrow_as_message([](const std::string& s) { check_iso_date(s, "--from"); }));
  app.add_option("--to", f.to, "Keep incidents on or before this date (YYYY-MM-DD)")
      ->group(group)
      ->check(rethrow_as_message([](const std::string& s) { check_iso_date(s, "--to"); }));
  app.add_option("--border", f.border,
                 "Border as two ISO codes, e.g. KG-TJ (default: the two countries most "
                 "incidents name)")
      ->group(group);
  app.add_option("--bbox", f.bbox, "Keep incidents inside min_lon,min_lat,max_lon,max_lat")
      ->group(group)
      ->check(rethrow_as_message([](const std::string& s) { parse_bbox(s); }));
  app.add_option("--as-of", f.as_of,
                 "Border status date (YYYY-MM-DD; default: the first incident's date)")
      ->group(group)
      ->check(rethrow_as_message([](const std::string& s) { check_iso_date(s, "--as-of"); }));
}

}  // namespace bm::cli
