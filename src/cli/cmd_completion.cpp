#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/global.hpp"
#include "cli/usage.hpp"
#include "io/atomic.hpp"

namespace bm::cli {
namespace {

// `bordermap completion bash|zsh`: the shell completion script on stdout.
// Hidden from --help: packaging uses it (cmake/Install.cmake), users rarely.
class CompletionCommand : public Command {
 public:
  const char* name() const override { return "completion"; }
  const char* summary() const override { return "Print the bash or zsh completion script"; }
  const char* example() const override {
    return "bordermap completion bash > ~/.local/share/bash-completion/completions/bordermap";
  }
  void setup(CLI::App& app) override {
    root_ = app.get_parent();
    app.group("");  // hidden
    app.add_option("shell", shell_, "bash or zsh")->required();
  }
  void run() override { std::cout << completion_script(*root_, shell_); }

 private:
  const CLI::App* root_ = nullptr;
  std::string shell_;
};

// `bordermap manpage DIR`: bordermap.1 and bordermap-<command>.1 into DIR.
class ManpageCommand : public Command {
 public:
  const char* name() const override { return "manpage"; }
  const char* summary() const override { return "Write the man pages (roff) into a folder"; }
  const char* example() const override { return "bordermap manpage build/man"; }
  void setup(CLI::App& app) override {
    root_ = app.get_parent();
    app.group("");  // hidden
    app.add_option("dir", dir_, "Folder to write bordermap*.1 into")->required();
  }
  void run() override {
    std::filesystem::create_directories(dir_);
    write(nullptr);
    for (const CLI::App* sub : visible_subcommands(*root_)) write(sub);
  }

 private:
  void write(const CLI::App* sub) {
    std::string file = dir_ + "/bordermap" + (sub ? "-" + sub->get_name() : "") + ".1";
    std::string page = man_page(*root_, sub);
    write_file(file, [&](std::ostream& out) { out << page; });
    detail("wrote " + file);
  }
  const CLI::App* root_ = nullptr;
  std::string dir_;
};

}  // namespace

std::unique_ptr<Command> make_completion_command() { return std::make_unique<CompletionCommand>(); }
std::unique_ptr<Command> make_manpage_command() { return std::make_unique<ManpageCommand>(); }

}  // namespace bm::cli
