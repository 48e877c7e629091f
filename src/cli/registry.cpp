#include "cli/commands.hpp"

namespace bm::cli {

std::vector<std::unique_ptr<Command>> all_commands() {
  std::vector<std::unique_ptr<Command>> out;
  out.push_back(make_report_command());
  out.push_back(make_resolve_command());
  out.push_back(make_ingest_command());
  return out;
}

}  // namespace bm::cli
