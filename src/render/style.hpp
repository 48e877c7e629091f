#pragma once
// Map styles: styles/<name>.toml (schema in styles/README.md). Loading
// validates every key and type, so a typo is an error, not a silent default.
#include <string>

namespace bm {

struct Color {
  double r = 0, g = 0, b = 0, a = 1;
};

Color parse_color(const std::string& hex);  // "#rrggbb" or "#rrggbbaa"

struct Style {
  std::string name;
  std::string font = "Noto Sans";
  // [colors]
  Color page{1, 1, 1};
  Color background{0.86, 0.91, 0.95};
  Color land{0.96, 0.95, 0.92};
  Color land_focus{1, 1, 1};
  Color land_focus_alt{0.97, 0.96, 0.93};  // the second focus country
  Color country_line{0.55, 0.55, 0.55};
  Color region_line{0.7, 0.7, 0.7};
  Color border_disputed{0.85, 0.1, 0.1};
  Color border_undemarcated{0.9, 0.55, 0.1};
  Color border_delimited{0.3, 0.3, 0.3};
  Color border_unknown{0.45, 0.2, 0.5};
  Color enclave{0.2, 0.4, 0.7};
  Color incident{0.75, 0.05, 0.05};
  Color incident_other{0.35, 0.35, 0.35};  // non-violent events: evacuation, talks...
  Color incident_line{1, 1, 1};
  Color text{0.1, 0.1, 0.1};
  Color halo{1, 1, 1, 0.85};
  Color muted_text{0.4, 0.4, 0.4};
  Color country_text{0.45, 0.45, 0.45};
  Color panel{1, 1, 1, 0.9};
  // [sizes] in points
  double border_width = 2.0;
  double label_size = 9.0;
  double title_size = 16.0;
  double country_label_size = 12.0;
  double region_label_size = 7.5;
  double symbol_min = 4.0;    // radius of a symbol with no casualty figure
  double symbol_scale = 2.4;  // radius = symbol_scale * sqrt(killed): area-true
  // [layers] which layers and furniture are drawn
  bool show_regions = true;
  bool show_country_names = true;
  bool show_region_names = true;
  bool show_enclaves = true;
  bool show_legend = true;
  bool show_scale_bar = true;
  bool show_north_arrow = true;
  bool show_inset = true;
  bool show_claims_panel = true;
  // Crowded labels move out on a leader line; false: they take one of the
  // 8 places around their symbol or are dropped (as Mapnik places them).
  bool leader_lines = true;
};

// Loads styles/<name>.toml from the data root, or a path ending in .toml.
Style load_style(const std::string& name_or_path);
// Parses style text; `origin` names it in error messages.
Style parse_style(const std::string& toml_text, const std::string& origin);

}  // namespace bm
