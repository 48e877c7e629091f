#include "cli/usage.hpp"

namespace bm::cli {

std::vector<OptionDoc> documented_options(const CLI::App& app) {
  std::vector<OptionDoc> out;
  for (const CLI::Option* o : app.get_options()) {
    if (o->get_group().empty()) continue;  // hidden
    OptionDoc d;
    for (const auto& n : o->get_snames()) d.flags.push_back("-" + n);
    for (const auto& n : o->get_lnames()) d.flags.push_back("--" + n);
    if (o->get_positional()) d.positional = o->get_name(true, false);
    if (o->get_expected_min() > 0 || o->get_positional()) {
      d.value = o->get_type_name();
      if (d.value.empty()) d.value = "VALUE";
    }
    d.help = o->get_description();
    d.group = o->get_group();
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<const CLI::App*> visible_subcommands(const CLI::App& app) {
  std::vector<const CLI::App*> out;
  for (const CLI::App* s : app.get_subcommands({}))
    if (!s->get_group().empty()) out.push_back(s);
  return out;
}

}  // namespace bm::cli
