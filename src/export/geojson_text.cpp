#include "export/geojson_text.hpp"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>

#include "io/atomic.hpp"

namespace bm {
namespace {

constexpr std::size_t kFlushAt = 1 << 20;  // bytes buffered between writes

}  // namespace

namespace {

std::string_view general(char (&buf)[64], double v, int digits) {
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, digits);
  return {buf, static_cast<std::size_t>(r.ptr - buf)};
}

bool roundoff_tail(std::string_view s) {
  auto dot = s.find('.');
  if (dot == std::string_view::npos) return false;
  std::string_view fraction = s.substr(dot);
  return fraction.find("999999") != std::string_view::npos ||
         fraction.find("000000") != std::string_view::npos;
}

}  // namespace

// GDAL's rule (OGR_json_double_with_significant_figures_to_string): 17
// significant digits, or up to 3 fewer when the fraction shows a run of
// 0s or 9s (binary round-off), then ".0" when the text has no '.' or 'e'.
void append_json_real(std::string& out, double v) {
  char buf[64];
  std::string_view s = general(buf, v, 17);
  if (std::fabs(v) <= 1e50 && roundoff_tail(s)) {
    bool ok = false;
    for (int fewer = 1; fewer <= 3 && !ok; ++fewer)
      ok = !roundoff_tail(s = general(buf, v, 17 - fewer));
    if (!ok) s = general(buf, v, 17);
  }
  out += s;
  if (std::isfinite(v) && s.find_first_of(".e") == std::string_view::npos) out += ".0";
}

void append_json_coord(std::string& out, double v, int decimals) {
  char buf[352];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  char* end = r.ptr;
  // Trailing zeros go, but one after the point ("71.0"); none at 0 decimals.
  if (std::memchr(buf, '.', static_cast<std::size_t>(end - buf)))
    while (end[-1] == '0' && end[-2] != '.') --end;
  out.append(buf, end);
}

void append_json_integer(std::string& out, long long v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

GeoJsonTextWriter::GeoJsonTextWriter(const std::string& path, int decimals)
    : path_(path), decimals_(decimals) {
  file_ = std::fopen(path.c_str(), "wb");
  if (!file_) error_ = errno;
  buf_.reserve(kFlushAt + 64 * 1024);
  buf_ += "{\n\"type\": \"FeatureCollection\",\n\"features\": [\n";
}

GeoJsonTextWriter::~GeoJsonTextWriter() {
  if (file_) std::fclose(file_);
}

void GeoJsonTextWriter::begin_feature(std::string_view id) {
  if (features_ > 0) buf_ += ",\n";
  buf_ += "{ \"type\": \"Feature\", \"id\": ";
  append_json_string(buf_, id);
  buf_ += ", \"properties\": { ";
  first_property_ = true;
}

void GeoJsonTextWriter::name(const char* n) {
  if (!first_property_) buf_ += ", ";
  first_property_ = false;
  buf_ += '"';
  buf_ += n;  // our field names and the user's are written as given
  buf_ += "\": ";
}

void GeoJsonTextWriter::text(const char* n, std::string_view v) {
  name(n);
  append_json_string(buf_, v);
}

void GeoJsonTextWriter::integer(const char* n, long long v) {
  name(n);
  append_json_integer(buf_, v);
}

void GeoJsonTextWriter::real(const char* n, double v) {
  name(n);
  append_json_real(buf_, v);
}

void GeoJsonTextWriter::boolean(const char* n, bool v) {
  name(n);
  buf_ += v ? "true" : "false";
}

void GeoJsonTextWriter::null(const char* n) {
  name(n);
  buf_ += "null";
}

void GeoJsonTextWriter::raw(const char* n, std::string_view json) {
  name(n);
  buf_ += json;
}

void GeoJsonTextWriter::properties(std::string_view formatted) {
  if (formatted.empty()) return;
  if (!first_property_) buf_ += ", ";
  first_property_ = false;
  buf_ += formatted;
}

void GeoJsonTextWriter::point(LonLat p) {
  buf_ += first_property_ ? "}" : " }";
  buf_ += ", \"geometry\": { \"type\": \"Point\", \"coordinates\": [ ";
  append_json_coord(buf_, p.lon, decimals_);
  buf_ += ", ";
  append_json_coord(buf_, p.lat, decimals_);
  buf_ += " ] } }";
  ++features_;
  flush_if_full();
}

void GeoJsonTextWriter::line(const std::vector<LonLat>& points) {
  buf_ += first_property_ ? "}" : " }";
  buf_ += ", \"geometry\": { \"type\": \"LineString\", \"coordinates\": [ ";
  for (std::size_t k = 0; k < points.size(); ++k) {
    buf_ += k ? ", [ " : "[ ";
    append_json_coord(buf_, points[k].lon, decimals_);
    buf_ += ", ";
    append_json_coord(buf_, points[k].lat, decimals_);
    buf_ += " ]";
  }
  buf_ += " ] } }";
  ++features_;
  flush_if_full();
}

void GeoJsonTextWriter::flush_if_full() {
  if (buf_.size() < kFlushAt) return;
  if (file_ && !error_ && std::fwrite(buf_.data(), 1, buf_.size(), file_) != buf_.size())
    error_ = errno ? errno : EIO;
  buf_.clear();
}

long GeoJsonTextWriter::finish(const std::string& target) {
  buf_ += "\n]\n}\n";
  if (file_ && !error_ && std::fwrite(buf_.data(), 1, buf_.size(), file_) != buf_.size())
    error_ = errno ? errno : EIO;
  buf_.clear();
  if (file_ && std::fclose(file_) != 0 && !error_) error_ = errno ? errno : EIO;
  file_ = nullptr;
  if (error_) throw_write_error(target, error_);
  return features_;
}

}  // namespace bm
