#include "cli/commands.hpp"

namespace bm::cli {

std::vector<std::unique_ptr<Command>> all_commands() {
  std::vector<std::unique_ptr<Command>> out;
  out.push_back(make_report_command());
  out.push_back(make_resolve_command());
  out.push_back(make_data_command());
  out.push_back(make_link_command());
  out.push_back(make_export_command());
  out.push_back(make_extract_command());
  out.push_back(make_render_command());
  out.push_back(make_styles_command());
  out.push_back(make_ingest_command());
  out.push_back(make_completion_command());
  out.push_back(make_manpage_command());
  return out;
}

}  // namespace bm::cli
