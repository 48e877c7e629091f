#include "render/style.hpp"

#include <toml++/toml.h>

#include <filesystem>

#include "core/error.hpp"
#include "geodata/bundle.hpp"

namespace bm {

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

Style load_style(const std::string& name_or_path) {
  std::string path = name_or_path;
  if (!path.ends_with(".toml")) path = data_root() + "/styles/" + name_or_path + ".toml";
  if (!std::filesystem::exists(path))
    throw ConfigError(path + ": no such style — `bordermap styles` lists the bundled ones");
  toml::table t;
  try {
    t = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    throw ConfigError(
        at(path, static_cast<long>(e.source().begin.line), std::string(e.description())));
  }
  Style s;
  s.name = t["name"].value_or(std::filesystem::path(path).stem().string());
  s.font = t["font"].value_or(s.font);
  auto colour = [&](const char* key, Color& into) {
    if (auto v = t["colors"][key].value<std::string>()) {
      try {
        into = parse_color(*v);
      } catch (const ConfigError& e) {
        throw ConfigError(path + ": colors." + key + ": " + e.what());
      }
    }
  };
  colour("background", s.background);
  colour("land", s.land);
  colour("land_focus", s.land_focus);
  colour("country_line", s.country_line);
  colour("region_line", s.region_line);
  colour("border_disputed", s.border_disputed);
  colour("border_undemarcated", s.border_undemarcated);
  colour("border_delimited", s.border_delimited);
  colour("border_unknown", s.border_unknown);
  colour("incident", s.incident);
  colour("incident_line", s.incident_line);
  colour("text", s.text);
  colour("halo", s.halo);
  colour("muted_text", s.muted_text);
  s.border_width = t["sizes"]["border_width"].value_or(s.border_width);
  s.label_size = t["sizes"]["label"].value_or(s.label_size);
  s.title_size = t["sizes"]["title"].value_or(s.title_size);
  return s;
}

}  // namespace bm
