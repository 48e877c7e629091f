#include "export/blocks.hpp"

#include <algorithm>
#include <span>

#include "export/export.hpp"
#include "export/formats.hpp"
#include "export/stream.hpp"

namespace bm {

bool links_in_order(const ExportData& data) {
  std::size_t k = 0;
  for (const auto& i : data.incidents) {
    if (!i.location) continue;
    if (k >= data.links.size() || data.links[k].incident_id != i.id) return false;
    ++k;
  }
  return k == data.links.size();
}

std::vector<std::string> export_in_blocks(const std::string& path, const ExportData& data,
                                          const ExportOptions& options) {
  const std::string format = export_format_for(path).name;
  if (format == "csv" || !can_stream(path, options) || !links_in_order(data))
    return export_to(path, data, options);  // CSV: already written row by row
  check_export_target(path, options, options.flavour);
  auto stream = open_export_stream(
      path, options, user_fields(data.incidents, incident_field_names()), data.country_names);
  const std::span<const Incident> all(data.incidents);
  const std::span<const Link> links(data.links);
  std::size_t linked = 0;
  for (std::size_t at = 0; at < all.size(); at += kBlockRows) {
    auto block = all.subspan(at, std::min(kBlockRows, all.size() - at));
    auto located = static_cast<std::size_t>(std::count_if(
        block.begin(), block.end(), [](const Incident& i) { return bool(i.location); }));
    stream->write(block, links.subspan(linked, located));
    linked += located;
  }
  return stream->finish(data);
}

}  // namespace bm
