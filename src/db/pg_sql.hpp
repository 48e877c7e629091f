#pragma once
// SQL on a GDAL PostgreSQL dataset: statements are built only from
// identifiers we quote and literals we quote, and errors carry the
// server's message.
#include <string>
#include <vector>

class GDALDataset;

namespace bm::db {

std::string quote_ident(const std::string& name);    // "a""b"
std::string quote_literal(const std::string& text);  // 'it''s'

// Runs one statement; throws ExportError with the server's message.
void exec(GDALDataset& ds, const std::string& sql);

// The first column of every row of a query, as text (NULL as "").
std::vector<std::string> query_column(GDALDataset& ds, const std::string& sql);

}  // namespace bm::db
