#include "export/user_fields.hpp"

#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include "io/values.hpp"

namespace bm {
namespace {

// Readers whose source_fields entries are the user's columns; other keys
// ("bordermap.country_check", "ogr.geometry") are our own notes.
bool is_user_key(const std::string& key) {
  if (key == "ogr.geometry") return false;
  for (const char* prefix : {"ogr.", "acled.", "ucdp.", "csv."})
    if (key.rfind(prefix, 0) == 0) return true;
  return false;
}

bool is_integer(const std::string& v) {
  std::size_t digits = v[0] == '-' ? 1 : 0;
  if (v.size() == digits || v.size() - digits > 18) return false;
  if (v[digits] == '0' && v.size() > digits + 1) return false;  // "007" is a code
  for (std::size_t k = digits; k < v.size(); ++k)
    if (v[k] < '0' || v[k] > '9') return false;
  return true;
}

bool is_real(const std::string& v) {
  std::size_t sign = v[0] == '-' ? 1 : 0;
  if (v.size() > sign + 1 && v[sign] == '0' && v[sign + 1] != '.') return false;  // a code
  double d = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  return ec == std::errc() && end == v.data() + v.size() && std::isfinite(d);
}

UserFieldType narrowest(UserFieldType so_far, const std::string& v) {
  if (v.empty()) return so_far;  // empty is null, any type holds it
  if (so_far == UserFieldType::integer && is_integer(v)) return so_far;
  if (so_far != UserFieldType::text && is_real(v)) return UserFieldType::real;
  return UserFieldType::text;
}

}  // namespace

std::vector<UserField> user_fields(std::span<const Incident> incidents,
                                   const std::vector<std::string>& ours) {
  std::set<std::string> taken;
  for (const auto& n : ours) taken.insert(io::lower(n));
  std::vector<UserField> out;
  std::map<std::string, std::size_t> index_of;  // key -> position in out
  for (const auto& i : incidents)
    for (const auto& [key, value] : i.source_fields) {
      if (!is_user_key(key)) continue;
      auto [it, added] = index_of.try_emplace(key, out.size());
      if (added) {
        std::string name = key.substr(key.find('.') + 1);
        if (taken.count(io::lower(name))) name = "source_" + name;
        taken.insert(io::lower(name));
        out.push_back({name, key, UserFieldType::integer});
      }
      UserField& f = out[it->second];
      f.type = narrowest(f.type, io::trim(value));
    }
  return out;
}

const std::string* user_value(const Incident& incident, const UserField& field) {
  auto it = incident.source_fields.find(field.key);
  if (it == incident.source_fields.end() || io::trim(it->second).empty()) return nullptr;
  return &it->second;
}

}  // namespace bm
