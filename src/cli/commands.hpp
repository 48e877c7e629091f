#pragma once
#include "cli/command.hpp"

namespace bm::cli {

std::unique_ptr<Command> make_report_command();
std::unique_ptr<Command> make_resolve_command();
std::unique_ptr<Command> make_data_command();
std::unique_ptr<Command> make_link_command();
std::unique_ptr<Command> make_export_command();
std::unique_ptr<Command> make_extract_command();
std::unique_ptr<Command> make_render_command();
std::unique_ptr<Command> make_styles_command();
std::unique_ptr<Command> make_ingest_command();
// Hidden from --help: they generate the shell completion and man pages.
std::unique_ptr<Command> make_completion_command();
std::unique_ptr<Command> make_manpage_command();

}  // namespace bm::cli
