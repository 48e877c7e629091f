#include "ingest/ingest.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/error.hpp"
#include "db/pg_connection.hpp"
#include "ingest/country_check.hpp"
#include "ingest/duplicate_ids.hpp"
#include "io/csv.hpp"
#include "io/policy.hpp"
#include "io/stdin_spool.hpp"
#include "io/text.hpp"
#include "io/values.hpp"

namespace bm::ingest {
using namespace bm::io;  // the shared value parsers and record loop

const std::vector<std::string> kMappableFields = {
    "id",      "date",    "date_end", "date_precision", "place",      "admin1",
    "country", "lon",     "lat",      "geo_precision",  "event_type", "actors",
    "killed",  "injured", "claims",   "sources",        "notes"};

namespace {

constexpr std::size_t kHeadBytes = 64 * 1024;

// A head is worth reading as CSV when it is text and its first line has a
// comma (or a semicolon: Excel's CSV where the decimal mark is a comma).
std::vector<std::string> csv_header_of(const std::string& head, const std::string& name) {
  const bool utf16 = head.rfind("\xFF\xFE", 0) == 0 || head.rfind("\xFE\xFF", 0) == 0;
  if (!utf16 && head.find('\0') != std::string::npos) return {};
  auto eol = head.find('\n');
  if (!utf16 && head.substr(0, eol).find_first_of(",;") == std::string::npos) return {};
  std::istringstream in(head);
  try {
    csv::Table t(in, name);
    return t.header();
  } catch (const InputError&) {
    return {};  // a quote left open by the 64 KiB cut, or not CSV at all
  }
}

// News prose rather than a table: a first line of many words and few
// delimiters (a headline), and sentences below it. Such a file goes to
// `extract`, not to the table readers (a headline with a ';' read as a
// header gave "names none of the columns").
bool looks_like_prose(const std::string& head) {
  if (head.find('\0') != std::string::npos) return false;
  std::istringstream in(head);
  std::string line;
  int lines = 0, sentences = 0;
  bool headline = false;
  while (std::getline(in, line) && lines < 40) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    const auto count = [&](std::string_view chars) {
      return std::count_if(line.begin(), line.end(),
                           [&](char c) { return chars.find(c) != std::string_view::npos; });
    };
    const auto spaces = count(" "), delimiters = count(",;\t|");
    if (lines++ == 0) headline = spaces >= 4 && spaces > 2 * (delimiters + 1);
    if (spaces >= 9 && (line.find(". ") != std::string::npos || line.back() == '.')) ++sentences;
  }
  return headline && sentences >= 2;
}

}  // namespace

Input open_input(const std::string& name) {
  Input in;
  in.name = name;
  if (name == "-") {
    in.head = io::read_stdin_head(kHeadBytes);  // the rest is read as the reader goes
  } else if (name.rfind("PG:", 0) == 0 || name.rfind("/vsi", 0) == 0) {
    return in;  // GDAL connection strings and virtual paths: nothing to sniff
  } else if (std::filesystem::is_directory(name)) {
    in.is_directory = true;
    return in;
  } else {
    std::ifstream f(name, std::ios::binary);
    if (!f) throw InputError(name + ": cannot open for reading — check the path");
    std::string buf(kHeadBytes, '\0');
    f.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    buf.resize(static_cast<std::size_t>(f.gcount()));
    in.head = std::move(buf);
  }
  io::reject_cr_only_lines(in.head, name == "-" ? "standard input" : name);
  in.csv_header = csv_header_of(in.head, name);
  return in;
}

std::unique_ptr<std::istream> open_stream(const Input& in) {
  if (in.from_stdin()) return io::stdin_stream(in.head);
  auto f = std::make_unique<std::ifstream>(in.name, std::ios::binary);
  if (!*f) throw InputError(in.name + ": cannot open for reading — check the path");
  return f;
}

const Format& find_format(const std::string& name) {
  std::string names;
  for (const auto& f : formats()) {
    if (name == f.name) return f;
    names += (names.empty() ? "" : ", ") + std::string(f.name);
  }
  throw UsageError("unknown format '" + name + "' — use one of: " + names);
}

const Format& detect_format(const Input& in) {
  const Format* best = nullptr;
  int best_score = 0;
  for (const auto& f : formats()) {
    int s = f.detect(in);
    if (s > best_score) best = &f, best_score = s;
  }
  if (!best && in.head.empty() && !in.is_directory)
    throw InputError((in.from_stdin() ? std::string("standard input") : in.name) +
                     " is empty — nothing to read (was the file written completely?)");
  const bool table_guess = !best || (std::string_view(best->name) == "ogr" && best_score <= 10);
  if (table_guess && looks_like_prose(in.head)) {
    const std::string shown = in.from_stdin() ? std::string("standard input") : in.name;
    throw InputError(shown +
                     " reads as a news article, not a table — draft incidents from it "
                     "first: `bordermap extract " +
                     (in.from_stdin() ? std::string("-") : in.name) +
                     " -o drafts.csv`, check the drafts, then give drafts.csv");
  }
  if (!best)
    throw InputError(in.name +
                     ": cannot tell its format — give --format (see `bordermap ingest --help`)");
  return *best;
}

IncidentTable read(const std::string& input, const Options& given) {
  Input in = open_input(input);
  const Format& f = given.format.empty() ? detect_format(in) : find_format(given.format);
  // Every block of a stream, and the rest, passes the id check and the
  // country check on its way.
  DuplicateIds ids(in.from_stdin() ? "<stdin>" : db::without_password(input));
  auto check = [&](IncidentTable& t) {
    ids.reject_repeats(t);
    // Here, not in one command: link, render, export and report read through
    // this function too, and a swapped lat/lon misleads every one of them.
    if (read_policy().country_check) warn_countries(t.incidents, input);
  };
  Options options = given;
  if (given.block)
    options.block = [&](IncidentTable& t) {
      check(t);
      given.block(t);
    };
  IncidentTable t = f.read(in, options);
  check(t);
  return t;
}

void read_blocks(const std::string& input, Options options, std::size_t rows,
                 const std::function<void(IncidentTable&)>& block) {
  options.block = block;
  options.block_rows = rows;
  IncidentTable rest = read(input, options);
  block(rest);  // what is left, or all of it from a backend that does not stream
}

void maybe_flush(const Options& o, IncidentTable& table) {
  if (!o.block || table.incidents.size() + table.rejected.size() < o.block_rows) return;
  o.block(table);
  table.incidents.clear();
  table.rejected.clear();
}

RowSink flusher(const Options& o) {
  if (!o.block) return {};
  return [&o](IncidentTable& t) { maybe_flush(o, t); };
}

std::map<std::string, std::string> parse_field_map(const std::string& spec) {
  std::map<std::string, std::string> out;
  std::stringstream ss(spec);
  std::string item;
  while (std::getline(ss, item, ',')) {
    item = trim(item);
    if (item.empty()) continue;
    auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
      throw UsageError("--map item '" + item +
                       "' — expected FIELD=SOURCE_FIELD, e.g. date=EVENT_DT");
    std::string key = trim(item.substr(0, eq));
    bool known = false;
    for (const auto& k : kMappableFields) known = known || k == key;
    if (!known) {
      std::string keys;
      for (const auto& k : kMappableFields) keys += (keys.empty() ? "" : ", ") + k;
      throw UsageError("--map: unknown field '" + key + "' — the fields are: " + keys);
    }
    out[key] = trim(item.substr(eq + 1));
  }
  return out;
}

}  // namespace bm::ingest
