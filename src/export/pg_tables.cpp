#include "export/pg_tables.hpp"

#include <algorithm>
#include <map>

#include "core/error.hpp"
#include "db/pg_connection.hpp"
#include "db/pg_sql.hpp"
#include "export/styles.hpp"

namespace bm {
namespace {

using db::exec;
using db::quote_ident;
using db::quote_literal;

const std::map<ExportLayer, std::string> kTableComments = {
    {ExportLayer::incidents,
     "bordermap: border incidents, one per row, with the nearest border segment"},
    {ExportLayer::border_segments, "bordermap: border segments with their status as of as_of"},
    {ExportLayer::links, "bordermap: incident -> nearest (and nearest disputed) segment lines"},
    {ExportLayer::countries, "bordermap: the countries around the border (context)"}};

// Our columns whose meaning is not plain from the name.
const std::map<std::string, std::string> kColumnComments = {
    {"id", "stable id (the incident's own id for incidents)"},
    {"date_precision", "day, week, month, year or range"},
    {"geo_precision", "ACLED sense: 1 the named place, 2 near it, 3 only the region"},
    {"claims", "every reported figure as JSON, conflicting claims side by side"},
    {"in_country", "ISO2 of the country the point lies in"},
    {"in_enclave", "true when the point lies in an enclave"},
    {"segment_id", "nearest border segment (geodesic)"},
    {"distance_m", "geodesic distance to the segment in metres"},
    {"disputed_segment_id", "nearest disputed segment"},
    {"within_zone", "within the border zone (5 km)"},
    {"status", "disputed, undemarcated, delimited or unknown as of as_of"},
    {"kind", "nearest or disputed"},
    {"incident_id", "the incident this row belongs to"}};

bool has_column(GDALDataset& ds, const std::string& table, const std::string& column) {
  return !db::query_column(ds,
                           "SELECT 1 FROM information_schema.columns WHERE table_schema = "
                           "current_schema() AND table_name = " +
                               quote_literal(table) + " AND column_name = " + quote_literal(column))
              .empty();
}

}  // namespace

std::string table_of(const std::string& prefix, ExportLayer layer) {
  return prefix + layer_name(layer);
}

bool table_exists(GDALDataset& ds, const std::string& table) {
  return !db::query_column(ds,
                           "SELECT 1 FROM information_schema.tables WHERE table_schema = "
                           "current_schema() AND table_name = " +
                               quote_literal(table))
              .empty();
}

void finish_table(GDALDataset& ds, const std::string& prefix, ExportLayer layer) {
  std::string t = quote_ident(table_of(prefix, layer));
  exec(ds, "ALTER TABLE " + t + " ALTER COLUMN id SET NOT NULL");
  try {
    exec(ds, "ALTER TABLE " + t + " ADD UNIQUE (id)");
  } catch (const ExportError& e) {
    throw ExportError(std::string(e.what()) +
                      " — ids must be unique in a table: the input repeats the id named above; "
                      "nothing was written");
  }
  exec(ds, "COMMENT ON TABLE " + t + " IS " + quote_literal(kTableComments.at(layer)));
  for (const auto& [column, text] : kColumnComments)
    if (has_column(ds, table_of(prefix, layer), column))
      exec(ds, "COMMENT ON COLUMN " + t + "." + quote_ident(column) + " IS " + quote_literal(text));
}

void add_link_keys(GDALDataset& ds, const std::string& prefix,
                   const std::vector<ExportLayer>& written) {
  auto has = [&](ExportLayer l) {
    return std::find(written.begin(), written.end(), l) != written.end();
  };
  if (!has(ExportLayer::links)) return;
  std::string links = table_of(prefix, ExportLayer::links);
  for (auto [layer, column] : {std::pair{ExportLayer::border_segments, "segment_id"},
                               std::pair{ExportLayer::incidents, "incident_id"}})
    if (has(layer))
      exec(ds, "ALTER TABLE " + quote_ident(links) + " ADD FOREIGN KEY (" + quote_ident(column) +
                   ") REFERENCES " + quote_ident(table_of(prefix, layer)) + " (id)");
}

void save_qgis_styles(GDALDataset& ds, const std::string& prefix,
                      const std::vector<ExportLayer>& layers) {
  exec(ds,
       "CREATE TABLE IF NOT EXISTS public.layer_styles (id serial PRIMARY KEY, "
       "f_table_catalog varchar, f_table_schema varchar, f_table_name varchar, "
       "f_geometry_column varchar, stylename text, styleqml xml, stylesld xml, "
       "useasdefault boolean, description text, owner varchar(63) DEFAULT CURRENT_USER, ui xml, "
       "update_time timestamp DEFAULT CURRENT_TIMESTAMP)");
  for (ExportLayer layer : layers) {
    std::string table = quote_literal(table_of(prefix, layer));
    exec(ds,
         "DELETE FROM public.layer_styles WHERE f_table_catalog = current_database() AND "
         "f_table_schema = current_schema() AND f_table_name = " +
             table + " AND description LIKE 'bordermap%'");
    exec(ds,
         "INSERT INTO public.layer_styles (f_table_catalog, f_table_schema, f_table_name, "
         "f_geometry_column, stylename, styleqml, stylesld, useasdefault, description) VALUES "
         "(current_database(), current_schema(), " +
             table + ", 'geom', " + quote_literal(std::string(layer_name(layer))) + ", " +
             quote_literal(qgis_style(layer, "qml")) + ", " +
             quote_literal(qgis_style(layer, "sld")) +
             ", true, 'bordermap default style (styles/qgis)')");
  }
}

}  // namespace bm
