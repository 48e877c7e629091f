// ACLED's and UCDP's APIs answer in JSON: {"data": [{...}, ...]} (ACLED) and
// {"Result": [{...}, ...]} (UCDP GED). Each object holds the same fields as a
// row of the CSV export, so the records are laid out as that CSV and read by
// the CSV backends: one set of rules for both spellings of the same data.
#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/error.hpp"
#include "ingest/backends.hpp"
#include "io/csv.hpp"
#include "io/stdin_spool.hpp"

namespace bm::ingest {
namespace {

struct Api {
  const char* array;   // the member holding the records
  const char* marker;  // a field only this source's records have
};
constexpr Api kAcled{"data", "\"event_id_cnty\""};
constexpr Api kUcdp{"Result", "\"date_prec\""};

bool starts_as_object(const std::string& head) {
  std::size_t i = head.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
  return i < head.size() && head[i] == '{';
}

const Api* api_of(const std::string& head) {
  if (!starts_as_object(head)) return nullptr;
  for (const Api* a : {&kAcled, &kUcdp})
    if (head.find(a->marker) != std::string::npos &&
        head.find("\"" + std::string(a->array) + "\"") != std::string::npos)
      return a;
  return nullptr;
}

std::string cell(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  return v.dump();  // numbers, booleans; a nested value stays readable JSON
}

// The records as CSV text; `starts` gets each record's first CSV line so a
// rejection can name the record, not a line of a file the user never saw.
std::string as_csv(const nlohmann::json& records, std::vector<long>& starts) {
  std::vector<std::string> columns;
  std::map<std::string, std::size_t> index;
  for (const auto& r : records)
    for (const auto& [key, value] : r.items())
      if (index.emplace(key, columns.size()).second) columns.push_back(key);
  std::string out;
  for (std::size_t c = 0; c < columns.size(); ++c) out += (c ? "," : "") + csv::quote(columns[c]);
  out += '\n';
  long line = 2;
  for (const auto& r : records) {
    starts.push_back(line);
    std::vector<std::string> row(columns.size());
    for (const auto& [key, value] : r.items()) row[index[key]] = cell(value);
    for (std::size_t c = 0; c < row.size(); ++c) {
      std::string q = csv::quote(row[c]);
      line += static_cast<long>(std::count(q.begin(), q.end(), '\n'));
      out += (c ? "," : "") + q;
    }
    out += '\n';
    ++line;
  }
  return out;
}

nlohmann::json parse(const Input& in) {
  std::string text;
  if (in.from_stdin()) {
    text = io::stdin_whole(in.head);
  } else {
    auto s = open_stream(in);
    text.assign(std::istreambuf_iterator<char>(*s), {});
  }
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw InputError(in.name + ": not valid JSON at byte " + std::to_string(e.byte) +
                     " — was the API answer saved whole?");
  }
}

}  // namespace

int detect_api_json(const Input& in) { return api_of(in.head) ? 100 : 0; }

IncidentTable read_api_json(const Input& in, const Options& o) {
  if (!o.field_map.empty())
    throw UsageError("--map applies to OGR sources; API JSON fields are read by name");
  const Api* api = api_of(in.head);
  if (!api) throw InputError(in.name + ": not an ACLED or UCDP API answer ({\"data\": [...]})");
  nlohmann::json doc = parse(in);
  const auto it = doc.find(api->array);
  if (it == doc.end() || !it->is_array() ||
      !std::all_of(it->begin(), it->end(), [](const auto& r) { return r.is_object(); }))
    throw InputError(in.name + ": its \"" + api->array +
                     "\" member is not a list of records — nothing to read");
  if (it->empty())
    throw InputError(in.name + ": its \"" + api->array +
                     "\" list is empty — the API query matched no events");
  std::vector<long> starts;
  std::istringstream csv(as_csv(*it, starts));
  IncidentTable t = api == &kAcled ? read_acled(csv, in.name) : read_ucdp(csv, in.name);
  for (auto& r : t.rejected) {
    auto at = std::lower_bound(starts.begin(), starts.end(), r.line);
    if (at != starts.end() && *at == r.line) r.line = at - starts.begin() + 1;
  }
  return t;
}

}  // namespace bm::ingest
