#include "html/page.hpp"

#include <set>
#include <sstream>

#include "html/assets.hpp"
#include "html/map_svg.hpp"
#include "html/text.hpp"
#include "io/atomic.hpp"

namespace bm::html {
namespace {

void head(std::ostream& out, const PageInput& in) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      // Nothing may be fetched: the page works from a USB stick or an e-mail.
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
      << "<title>" << escape(in.title) << "</title>\n<style>" << kPageCss << "</style>\n</head>\n";
}

void map_section(std::ostream& out, const PageInput& in) {
  out << "<section id=\"bm-map-section\" aria-labelledby=\"bm-map-h\">\n"
      << "<h2 id=\"bm-map-h\">Map</h2>\n<div class=\"bm-map-tools\">"
      << "<button type=\"button\" id=\"bm-zoom-in\" aria-label=\"Zoom in\">+</button>"
      << "<button type=\"button\" id=\"bm-zoom-out\" aria-label=\"Zoom out\">&minus;</button>"
      << "<button type=\"button\" id=\"bm-zoom-reset\">Reset view</button>"
      << "<button type=\"button\" id=\"bm-clear\">Show all</button>"
      << "<span id=\"bm-status\" role=\"status\"></span></div>\n"
      << "<div class=\"bm-map-row\"><div id=\"bm-map\">" << inline_map_svg(in.map_svg) << "</div>\n"
      << "<aside id=\"bm-detail\" aria-live=\"polite\"><p class=\"bm-hint\">Click or tab to an "
         "incident on the map (or a row of the table) to see every claim about it.</p>"
         "</aside></div>\n</section>\n";
}

void timeline_and_table(std::ostream& out) {
  out << "<section id=\"bm-timeline-section\" aria-labelledby=\"bm-timeline-h\">\n"
      << "<h2 id=\"bm-timeline-h\">Timeline</h2>\n<p class=\"bm-hint\">Incidents per day by the "
         "day they began; figures per day by side and claimant (figures for the "
         "same side, group and kind that no one number fits are marked as conflicting). Choose a day to filter the map and "
         "the table.</p>\n<div id=\"bm-timeline\"></div>\n</section>\n"
      << "<section id=\"bm-claims-section\" aria-labelledby=\"bm-claims-h\">\n"
      << "<h2 id=\"bm-claims-h\">Claims</h2>\n<label class=\"bm-filter\">Filter "
         "<input type=\"search\" id=\"bm-filter\" placeholder=\"place, side, claimant, "
         "source…\"></label>\n"
      << "<div class=\"bm-table-wrap\"><table id=\"bm-claims\"><thead><tr></tr></thead>"
         "<tbody></tbody></table></div>\n"
      << "<noscript><p>The table, timeline and map selection need JavaScript; the map, "
         "lists and manifest below are readable without it.</p></noscript>\n</section>\n";
}

void periods_section(std::ostream& out, const PageInput& in) {
  if (in.periods.empty()) return;
  out << "<section id=\"bm-periods\" aria-labelledby=\"bm-periods-h\">\n<h2 id=\"bm-periods-h\">"
      << "By " << escape(in.period_kind) << "</h2>\n<p class=\"bm-hint\">One map per "
      << escape(in.period_kind)
      << ", same extent; each shows the incidents that began in it.</p>\n<div class=\"bm-grid\">";
  for (const auto& p : in.periods)
    out << "<figure><img src=\"" << escape(p.image_uri) << "\" alt=\"Map of " << escape(p.label)
        << "\"><figcaption>" << escape(p.label) << " · " << p.incidents
        << (p.incidents == 1 ? " incident" : " incidents") << "</figcaption></figure>";
  out << "</div>\n</section>\n";
}

void not_mapped(std::ostream& out, const PageInput& in) {
  out << "<section id=\"bm-unmapped\" aria-labelledby=\"bm-unmapped-h\">\n<h2 "
         "id=\"bm-unmapped-h\">Not mapped ("
      << in.rejected.size() << ")</h2>\n";
  if (in.rejected.empty())
    out << "<p>Every incident read is on the map.</p>\n";
  else
    out << "<ul>";
  for (const auto& r : in.rejected)
    out << "<li><b>" << escape(r.record) << "</b> <span class=\"bm-muted\">(" << escape(r.file)
        << (r.line ? ":" + std::to_string(r.line) : std::string())
        << ")</span>: " << escape(r.reason) << "</li>";
  if (!in.rejected.empty()) out << "</ul>\n";
  out << "</section>\n";
}

void sources(std::ostream& out, const PageInput& in) {
  std::set<std::string> all;
  for (const auto& i : in.data->incidents) all.insert(i.sources.begin(), i.sources.end());
  out << "<section id=\"bm-sources\" aria-labelledby=\"bm-sources-h\">\n<h2 "
         "id=\"bm-sources-h\">Sources ("
      << all.size() << ")</h2>\n<ul>";
  for (const auto& s : all) {
    std::string url = first_web_address(s);
    out << "<li>" << escape(s);
    if (!url.empty()) out << " <a href=\"" << escape(url) << "\" rel=\"noreferrer\">link</a>";
    out << "</li>";
  }
  out << "</ul>\n</section>\n";
}

void downloads_and_manifest(std::ostream& out, const PageInput& in) {
  out << "<section id=\"bm-downloads\" aria-labelledby=\"bm-downloads-h\">\n<h2 "
         "id=\"bm-downloads-h\">Data</h2>\n<p>Files beside this page in the report folder:</p>"
         "<ul>";
  for (const auto& d : in.downloads)
    out << "<li><a href=\"" << escape(d) << "\" download>" << escape(d) << "</a></li>";
  out << "</ul>\n";
  if (!in.manifest.is_null())
    out << "<details id=\"bm-manifest\"><summary>Manifest: what this report was made from"
           "</summary><pre>"
        << escape(in.manifest.dump(2, ' ', false, nlohmann::json::error_handler_t::replace))
        << "</pre></details>\n";
  out << "</section>\n";
}

}  // namespace

std::string build_page(const PageInput& in) {
  std::ostringstream out;
  head(out, in);
  out << "<body>\n<header><h1>" << escape(in.title) << "</h1><p class=\"bm-sub\">"
      << escape(in.subtitle) << "</p></header>\n<main>\n";
  map_section(out, in);
  timeline_and_table(out);
  periods_section(out, in);
  not_mapped(out, in);
  sources(out, in);
  downloads_and_manifest(out, in);
  out << "</main>\n<footer><p>" << escape(in.attribution)
      << "</p><p>Page written by bordermap; its script and styles are bordermap's own (no "
         "third-party code, nothing fetched).</p></footer>\n"
      << "<script type=\"application/json\" id=\"bm-data\">" << script_json(page_data(in))
      << "</script>\n<script>" << kPageJs << "</script>\n</body>\n</html>\n";
  return out.str();
}

void write_page(const std::string& path, const PageInput& input) {
  std::string page = build_page(input);
  write_file(path, [&](std::ostream& out) { out << page; });
}

}  // namespace bm::html
