#pragma once
// Text made safe for an HTML page: element text and attributes, JSON inside
// a <script> element, and binary files as data: URIs.
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace bm::html {

// &, <, >, " and ' as entities: safe in element text and quoted attributes.
std::string escape(std::string_view text);

// JSON whose text cannot end the <script> element it sits in ("</script>",
// "<!--"): <, > and & are written as \u escapes, which JSON.parse reads back.
std::string script_json(const nlohmann::json& value);

// Standard base64 (RFC 4648, with padding).
std::string base64(std::string_view bytes);

// "data:<mime>;base64,..." of the file at `path`.
std::string data_uri(const std::string& path, const std::string& mime);

// An http(s) address in a source string, for a link; empty when none (a
// file name or outlet stays plain text: no javascript: or file: links).
std::string first_web_address(std::string_view text);

}  // namespace bm::html
