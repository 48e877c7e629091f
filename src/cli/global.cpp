#include "cli/global.hpp"

#include <unistd.h>

#include <functional>
#include <iostream>
#include <memory>

#include "core/filter.hpp"
#include "io/policy.hpp"

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

void note_rejections(const std::vector<Rejection>& rejected, const std::string& what) {
  for (const auto& r : rejected) global().input_rejected += r.malformed ? 1 : 0;
  for (const auto& r : rejected)
    note(what + ": " + r.file + (r.line ? ":" + std::to_string(r.line) : "") +
         (r.record.empty() ? "" : ": " + r.record) + ": " + r.reason);
}

ProgressFn make_progress() {
  const GlobalOptions& g = global();
  std::string mode = g.progress;
  if (mode == "auto") mode = (!g.quiet && ::isatty(STDERR_FILENO)) ? "bar" : "none";
  if (mode == "none") return {};
  bool json = mode == "json";
  // Printed only when the whole percent changes, so a million ticks cost little.
  auto last = std::make_shared<std::pair<std::string, long>>("", -1);
  return [json, last](std::string_view stage, std::size_t done, std::size_t total) {
    long pct = total == 0 ? 100 : static_cast<long>(100 * done / total);
    if (last->first == stage && last->second == pct) return;
    *last = {std::string(stage), pct};
    if (json)
      std::cerr << nlohmann::json{{"stage", stage}, {"done", done}, {"total", total}}.dump()
                << '\n';
    else
      std::cerr << "\rbordermap: " << stage << " " << done << "/" << total << " (" << pct
                << "%)\x1b[K" << (done >= total ? "\n" : "") << std::flush;
  };
}

void add_input_safety_options(CLI::App& app, GlobalOptions& g) {
  io::ReadPolicy& p = io::read_policy();
  p.inputs.clear();  // noted again as this run's options are parsed
  const char* group = "Input safety";
  app.add_option("--max-line", p.max_line,
                 "Longest CSV row read, in bytes; a longer row is rejected with file:line")
      ->group(group)
      ->check(CLI::Range(std::size_t{1024}, std::size_t{1} << 31))
      ->capture_default_str();
  app.add_option("--max-article", p.max_article,
                 "Largest article extract reads, in bytes; a larger one is refused with its size")
      ->group(group)
      ->check(CLI::Range(std::size_t{1024}, std::size_t{1} << 34))
      ->capture_default_str();
  app.add_option("--encoding", p.encoding,
                 "Encoding of text inputs without a BOM (latin1, windows-1251, ...; default "
                 "UTF-8, other bytes are rejected per row)")
      ->group(group);
  app.add_flag("--allow-vrt", p.allow_vrt,
               "Let GDAL open VRT files and network paths (/vsicurl/ ...): only for inputs you "
               "trust")
      ->group(group);
  // A flag that turns a check off: CLI11 sets the policy's field to false.
  app.add_flag("!--no-country-check", p.country_check,
               "Do not check that each given point lies in the country its row states (the "
               "check warns \"lat/lon swapped?\" with file:line; rows are always kept)")
      ->group(group);
  p.warn = [](const std::string& m) { note("warning: " + m); };
  app.add_flag("--allow-partial", g.allow_partial,
               "Exit 0 when some input records were rejected but the rest was used")
      ->group(group);
}

void note_input(const std::string& path) { io::read_policy().inputs.push_back(path); }

void add_input_option(CLI::App& app, std::vector<std::string>& inputs) {
  app.add_option("inputs,--incidents", inputs,
                 "Incident tables: bordermap CSV, ACLED, UCDP GED or any OGR source; - reads "
                 "stdin (default: the bundled Sep 2022 Kyrgyz–Tajik data)")
      ->each(note_input);
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
                 "One border status date for every incident (YYYY-MM-DD); default: each incident's "
                 "own date (the map draws the border as of the first)")
      ->group(group)
      ->check(rethrow_as_message([](const std::string& s) { check_iso_date(s, "--as-of"); }));
}

}  // namespace bm::cli
