#include "render/style.hpp"

#include <toml++/toml.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/error.hpp"
#include "geodata/bundle.hpp"

namespace bm {
namespace {

template <class T>
std::string known_keys(const std::map<std::string, T*>& m) {
  std::string out;
  for (const auto& [k, v] : m) out += (out.empty() ? "" : ", ") + k;
  return out;
}

long line_of(const toml::node& n) { return static_cast<long>(n.source().begin.line); }

}  // namespace

Color parse_color(const std::string& hex) {
  auto bad = [&] { return ConfigError("colour '" + hex + "' — expected #rrggbb or #rrggbbaa"); };
  if (hex.size() != 7 && hex.size() != 9) throw bad();
  if (hex[0] != '#') throw bad();
  auto byte = [&](std::size_t i) {
    std::size_t used = 0;
    int v = 0;
    try {
      v = std::stoi(hex.substr(i, 2), &used, 16);
    } catch (const std::exception&) {
      throw bad();
    }
    if (used != 2) throw bad();
    return v / 255.0;
  };
  return {byte(1), byte(3), byte(5), hex.size() == 9 ? byte(7) : 1.0};
}

Style parse_style(const std::string& text, const std::string& origin) {
  toml::table t;
  try {
    t = toml::parse(text, origin);
  } catch (const toml::parse_error& e) {
    throw ConfigError(
        at(origin, static_cast<long>(e.source().begin.line), std::string(e.description())));
  }
  Style s;
  s.name = std::filesystem::path(origin).stem().string();
  std::map<std::string, Color*> colors{{"page", &s.page},
                                       {"background", &s.background},
                                       {"land", &s.land},
                                       {"land_focus", &s.land_focus},
                                       {"land_focus_alt", &s.land_focus_alt},
                                       {"country_line", &s.country_line},
                                       {"region_line", &s.region_line},
                                       {"border_disputed", &s.border_disputed},
                                       {"border_undemarcated", &s.border_undemarcated},
                                       {"border_delimited", &s.border_delimited},
                                       {"border_unknown", &s.border_unknown},
                                       {"enclave", &s.enclave},
                                       {"incident", &s.incident},
                                       {"incident_other", &s.incident_other},
                                       {"incident_line", &s.incident_line},
                                       {"text", &s.text},
                                       {"halo", &s.halo},
                                       {"muted_text", &s.muted_text},
                                       {"country_text", &s.country_text},
                                       {"panel", &s.panel}};
  std::map<std::string, double*> sizes{{"border_width", &s.border_width},
                                       {"label", &s.label_size},
                                       {"title", &s.title_size},
                                       {"country_label", &s.country_label_size},
                                       {"region_label", &s.region_label_size},
                                       {"symbol_min", &s.symbol_min},
                                       {"symbol_scale", &s.symbol_scale}};
  std::map<std::string, bool*> layers{{"regions", &s.show_regions},
                                      {"country_names", &s.show_country_names},
                                      {"region_names", &s.show_region_names},
                                      {"enclaves", &s.show_enclaves},
                                      {"legend", &s.show_legend},
                                      {"scale_bar", &s.show_scale_bar},
                                      {"north_arrow", &s.show_north_arrow},
                                      {"inset", &s.show_inset},
                                      {"claims_panel", &s.show_claims_panel},
                                      {"leader_lines", &s.leader_lines}};
  auto fail = [&](const toml::node& n, const std::string& msg) {
    return ConfigError(at(origin, line_of(n), msg));
  };
  for (const auto& [key, node] : t) {
    std::string k(key.str());
    if (k == "name" || k == "font") {
      auto v = node.value<std::string>();
      if (!v) throw fail(node, k + " must be a string");
      (k == "name" ? s.name : s.font) = *v;
    } else if (k == "colors" || k == "sizes" || k == "layers") {
      const toml::table* sec = node.as_table();
      if (!sec) throw fail(node, "[" + k + "] must be a table");
      for (const auto& [sub, val] : *sec) {
        std::string name(sub.str()), full = k + "." + name;
        if (k == "colors") {
          auto it = colors.find(name);
          if (it == colors.end())
            throw fail(val, "unknown key '" + full + "' — known colours: " + known_keys(colors));
          auto v = val.value<std::string>();
          if (!v) throw fail(val, full + " must be a string like \"#rrggbb\"");
          try {
            *it->second = parse_color(*v);
          } catch (const ConfigError& e) {
            throw fail(val, full + ": " + e.what());
          }
        } else if (k == "sizes") {
          auto it = sizes.find(name);
          if (it == sizes.end())
            throw fail(val, "unknown key '" + full + "' — known sizes: " + known_keys(sizes));
          auto v = val.value<double>();
          if (!v || *v <= 0 || *v > 200) throw fail(val, full + " must be a number in (0, 200]");
          *it->second = *v;
        } else {
          auto it = layers.find(name);
          if (it == layers.end())
            throw fail(val, "unknown key '" + full + "' — known layers: " + known_keys(layers));
          if (!val.is_boolean()) throw fail(val, full + " must be true or false");
          *it->second = val.value<bool>().value_or(false);
        }
      }
    } else {
      throw fail(node,
                 "unknown key '" + k + "' — expected name, font, [colors], [sizes], [layers]");
    }
  }
  return s;
}

Style load_style(const std::string& name_or_path) {
  std::string path = name_or_path;
  if (!path.ends_with(".toml")) path = data_root() + "/styles/" + name_or_path + ".toml";
  if (!std::filesystem::exists(path))
    throw ConfigError(path +
                      ": no such style — the bundled ones are report, print and dark "
                      "(styles/*.toml), or give a path ending in .toml");
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  return parse_style(buf.str(), path);
}

}  // namespace bm
