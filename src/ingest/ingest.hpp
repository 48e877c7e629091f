#pragma once
// Reading incident tables in whatever format the analyst has: our own CSV,
// ACLED and UCDP GED exports, and any vector source GDAL opens. Each format
// is one backend in formats.cpp; the format is detected from the content
// (header columns, magic bytes), an explicit name wins.
#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "io/incidents_csv.hpp"

namespace bm::ingest {

struct Options {
  std::string format;  // empty: detect from the content
  // Our field -> the source's field name (OGR sources: --map date=EVENT_DT).
  std::map<std::string, std::string> field_map;
  std::string layer;  // OGR layer; empty: the only layer
  // Streaming: a backend that can hands every `block_rows` records to
  // `block` and clears its table (memory bounded by a block); the others
  // return the whole table. Use read_blocks rather than setting these.
  std::function<void(IncidentTable&)> block;
  std::size_t block_rows = 0;
};

// What a backend sees of one input: its name and the bytes to sniff.
struct Input {
  std::string name;                     // path, "-" for stdin, or a GDAL string ("PG:...")
  std::string head;                     // the first bytes (up to 64 KiB); stdin's are read already
  std::vector<std::string> csv_header;  // the first CSV record, if the head is text
  bool is_directory = false;
  bool from_stdin() const { return name == "-"; }
};

struct Format {
  const char* name;
  const char* summary;
  // 0: not this format; higher: surer. The highest score wins.
  int (*detect)(const Input&);
  IncidentTable (*read)(const Input&, const Options&);
};

// Every backend, in the order --help lists them.
const std::vector<Format>& formats();

Input open_input(const std::string& name);
// The input's bytes as a stream (the file, or the buffered stdin).
std::unique_ptr<std::istream> open_stream(const Input& in);
const Format& find_format(const std::string& name);  // throws UsageError
const Format& detect_format(const Input& in);        // throws InputError

// Reads one input; malformed records go to the table's `rejected`.
IncidentTable read(const std::string& input, const Options& options);

// Reads one input in blocks of about `rows` records (incidents and
// rejections), in input order; the last block may be smaller or empty.
void read_blocks(const std::string& input, Options options, std::size_t rows,
                 const std::function<void(IncidentTable&)>& block);

// A backend's loop after each record: hands a full block over.
void maybe_flush(const Options& o, IncidentTable& table);
// maybe_flush as a CSV record loop's sink (io::read_rows); none when not streaming.
RowSink flusher(const Options& o);

// "date=EVENT_DT,place=LOC" -> {date: EVENT_DT, place: LOC}; throws
// UsageError on an unknown key or a missing '='.
std::map<std::string, std::string> parse_field_map(const std::string& spec);
extern const std::vector<std::string> kMappableFields;

}  // namespace bm::ingest
