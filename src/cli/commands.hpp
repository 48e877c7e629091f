#pragma once
#include "cli/command.hpp"

namespace bm::cli {

std::unique_ptr<Command> make_report_command();
std::unique_ptr<Command> make_resolve_command();
std::unique_ptr<Command> make_ingest_command();

}  // namespace bm::cli
