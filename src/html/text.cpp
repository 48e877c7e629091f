#include "html/text.hpp"

#include <fstream>
#include <iterator>

#include "core/error.hpp"
#include "core/strings.hpp"

namespace bm::html {

std::string escape(std::string_view text) { return xml_escape(text); }

std::string script_json(const nlohmann::json& value) {
  // Invalid UTF-8 in a source string is replaced rather than thrown on: the
  // page still opens and shows the rest.
  std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    if (ch == '<')
      out += "\\u003c";
    else if (ch == '>')
      out += "\\u003e";
    else if (ch == '&')
      out += "\\u0026";
    else
      out += ch;
  }
  return out;
}

namespace {
unsigned byte(char c) { return static_cast<unsigned char>(c); }
}  // namespace

std::string base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    unsigned v = byte(bytes[i]) << 16 | byte(bytes[i + 1]) << 8 | byte(bytes[i + 2]);
    for (int s = 18; s >= 0; s -= 6) out += kAlphabet[(v >> s) & 63];
  }
  std::size_t rest = bytes.size() - i;
  if (rest > 0) {
    unsigned v = byte(bytes[i]) << 16;
    if (rest == 2) v |= byte(bytes[i + 1]) << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += rest == 2 ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::string data_uri(const std::string& path, const std::string& mime) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ExportError(path + ": cannot read it back to embed it in the page");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return "data:" + mime + ";base64," + base64(bytes);
}

std::string first_web_address(std::string_view text) {
  for (std::string_view scheme : {"https://", "http://"}) {
    std::size_t at = text.find(scheme);
    if (at == std::string_view::npos) continue;
    std::size_t end = at;
    while (end < text.size() && text[end] > ' ' && text[end] != '"' && text[end] != ')' &&
           text[end] != '>' && text[end] != '<' && text[end] != ';')
      ++end;
    return std::string(text.substr(at, end - at));
  }
  return {};
}

}  // namespace bm::html
