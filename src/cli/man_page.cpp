// Man pages built from the registry (see usage.hpp): bordermap(1) lists the
// commands and global options, bordermap-<command>(1) each command's options.
#include <cstdio>
#include <sstream>

#include "cli/usage.hpp"

namespace bm::cli {
namespace {

// Decodes the UTF-8 sequence at text[i] (leaving i on its last byte) as
// groff's Unicode escape \[uXXXX]: roff input is ASCII.
std::string unicode_escape(const std::string& text, std::size_t& i) {
  auto c = static_cast<unsigned char>(text[i]);
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  unsigned cp = c & (0x3Fu >> extra);
  for (int k = 0; k < extra && i + 1 < text.size(); ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(text[++i]) & 0x3Fu);
  char buf[16];
  std::snprintf(buf, sizeof buf, "\\[u%04X]", cp);
  return buf;
}

// roff: '\' starts an escape, '-' should be "\-" in options.
std::string esc(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else if (c < 0x80)
      out += static_cast<char>(c);
    else
      out += unicode_escape(text, i);
  }
  return out;
}

// A paragraph: a line starting with '.' or '\'' would be a request.
std::string para(const std::string& text) {
  std::string lines;
  std::istringstream in(esc(text));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && (line[0] == '.' || line[0] == '\'')) line = "\\&" + line;
    lines += line + '\n';
  }
  return lines;
}

void options_section(std::ostringstream& s, const CLI::App& app, const std::string& title) {
  auto opts = documented_options(app);
  if (opts.empty()) return;
  s << ".SH " << title << '\n';
  for (const auto& o : opts) {
    s << ".TP\n";
    std::string head;
    for (const auto& f : o.flags) head += (head.empty() ? "\\fB" : "\\fR, \\fB") + esc(f);
    if (o.flags.empty()) head = "\\fI" + esc(o.positional);
    s << head << "\\fR";
    if (!o.value.empty() && !o.flags.empty()) s << " \\fI" << esc(o.value) << "\\fR";
    s << '\n' << para(o.help);
  }
}

const char* const kCommon =
    ".SH ENVIRONMENT\n"
    ".TP\n.B BORDERMAP_DATA\nData folder (geodata/bordermap.gpkg, bundled incidents, styles); "
    "\\fB\\-\\-data\\fR wins over it. Default: ../share/bordermap beside the binary.\n"
    ".TP\n.B XDG_CACHE_HOME\nThe gazetteer index cache goes to $XDG_CACHE_HOME/bordermap "
    "(default ~/.cache/bordermap); it is rebuilt when missing or damaged.\n"
    ".TP\n.B XDG_CONFIG_HOME\nUser option defaults in $XDG_CONFIG_HOME/bordermap/bordermap.toml "
    "(default ~/.config/bordermap/bordermap.toml); ./bordermap.toml wins over it.\n"
    ".SH EXIT STATUS\n"
    "0 ok, 1 some input rejected (file:line; \\fB\\-\\-allow\\-partial\\fR for 0) or a "
    "write failed, 2 usage error, 3 internal error (a bug). See docs/errors.md.\n";

}  // namespace

std::string man_page(const CLI::App& root, const CLI::App* sub) {
  std::ostringstream s;
  std::string name = sub ? "bordermap-" + sub->get_name() : "bordermap";
  // The root's description starts "bordermap — "; NAME puts its own dash.
  std::string what = sub ? sub->get_description() : root.get_description();
  if (!sub && what.rfind("bordermap — ", 0) == 0) what.erase(0, std::string("bordermap — ").size());
  std::string upper;
  for (char c : name) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  s << ".TH " << upper << " 1 \"\" \"bordermap " << BORDERMAP_VERSION << "\" \"User Commands\"\n"
    << ".SH NAME\n"
    << esc(name) << " \\- " << para(what);
  s << ".SH SYNOPSIS\n.B bordermap\n";
  if (sub) {
    s << "[\\fIGLOBAL OPTIONS\\fR] \\fB" << esc(sub->get_name()) << "\\fR [\\fIOPTIONS\\fR]\n";
    s << ".SH DESCRIPTION\n" << para(sub->get_description());
    options_section(s, *sub, "OPTIONS");
    std::string footer = sub->get_footer();  // "Example:\n  <command>\n\nExit codes..."
    footer = footer.substr(0, footer.find("\n\nExit codes"));
    if (footer.rfind("Example:\n", 0) == 0) footer.erase(0, 9);
    s << ".SH EXAMPLE\n.nf\n" << para(footer) << ".fi\n";
  } else {
    s << "[\\fIGLOBAL OPTIONS\\fR] \\fICOMMAND\\fR [\\fIOPTIONS\\fR]\n";
    s << ".SH DESCRIPTION\nbordermap: " << para(what) << ".SH COMMANDS\n";
    for (const CLI::App* c : visible_subcommands(root))
      s << ".TP\n\\fB" << c->get_name() << "\\fR (see \\fBbordermap\\-" << c->get_name()
        << "\\fR(1))\n"
        << para(c->get_description());
    options_section(s, root, "GLOBAL OPTIONS");
  }
  s << kCommon << ".SH SEE ALSO\n";
  if (sub)
    s << "\\fBbordermap\\fR(1)\n";
  else
    for (const CLI::App* c : visible_subcommands(root))
      s << "\\fBbordermap\\-" << c->get_name() << "\\fR(1)\n";
  return s.str();
}

}  // namespace bm::cli
