#pragma once
// Map styles: styles/<name>.toml (schema in styles/README.md).
#include <string>

namespace bm {

struct Color {
  double r = 0, g = 0, b = 0, a = 1;
};

Color parse_color(const std::string& hex);  // "#rrggbb" or "#rrggbbaa"

struct Style {
  std::string name;
  std::string font = "Noto Sans";
  Color background{0.86, 0.91, 0.95};
  Color land{0.96, 0.95, 0.92};
  Color land_focus{1, 1, 1};
  Color country_line{0.55, 0.55, 0.55};
  Color region_line{0.7, 0.7, 0.7};
  Color border_disputed{0.85, 0.1, 0.1};
  Color border_undemarcated{0.9, 0.55, 0.1};
  Color border_delimited{0.3, 0.3, 0.3};
  Color border_unknown{0.45, 0.2, 0.5};
  Color incident{0.75, 0.05, 0.05};
  Color incident_line{1, 1, 1};
  Color text{0.1, 0.1, 0.1};
  Color halo{1, 1, 1, 0.85};
  Color muted_text{0.4, 0.4, 0.4};
  double border_width = 2.0;
  double label_size = 9.0;
  double title_size = 16.0;
};

// Loads styles/<name>.toml from the data root, or a path ending in .toml.
Style load_style(const std::string& name_or_path);

}  // namespace bm
