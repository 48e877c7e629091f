// bordermap: parse, dispatch, map errors to exit codes — nothing more.
#include "cli/command.hpp"

int main(int argc, char** argv) { return bm::cli::run_main(argc, argv); }
