#include "render/names.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>

#include "core/error.hpp"

namespace bm {
namespace {

// ICU transliterators are not thread-safe to share; one per thread and id.
icu::Transliterator& transliterator(const char* id) {
  thread_local std::map<std::string, std::unique_ptr<icu::Transliterator>> cache;
  auto& t = cache[id];
  if (!t) {
    UErrorCode status = U_ZERO_ERROR;
    t.reset(icu::Transliterator::createInstance(id, UTRANS_FORWARD, status));
    if (U_FAILURE(status))
      throw Error(std::string("ICU transliterator ") + id + ": " + u_errorName(status));
  }
  return *t;
}

bool has_cyrillic(const std::string& text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  for (int32_t k = 0; k < u.length(); k = u.moveIndex32(k, 1)) {
    UChar32 ch = u.char32At(k);
    if (ch >= 0x0400 && ch <= 0x052F) return true;
  }
  return false;
}

// A file path as typed on a command line, not a citation such as
// "Kyrgyz Border Service / 24.kg" or a URL.
bool looks_like_path(const std::string& s) {
  if (s.find("://") != std::string::npos || s.find(" / ") != std::string::npos) return false;
  if (s.rfind("/", 0) == 0 || s.rfind("~/", 0) == 0 || s.rfind("./", 0) == 0 ||
      s.rfind("../", 0) == 0 || (s.size() > 2 && s[1] == ':' && (s[2] == '\\' || s[2] == '/')))
    return true;
  std::size_t slash = s.find_last_of("/\\");
  if (slash == std::string::npos) return false;
  std::size_t dot = s.rfind('.');
  return dot != std::string::npos && dot > slash && s.find(' ', dot) == std::string::npos;
}

}  // namespace

LabelScript label_script_from(const std::string& name) {
  if (name.empty()) return LabelScript::as_named;
  if (name == "latn") return LabelScript::latin;
  if (name == "cyrl") return LabelScript::cyrillic;
  if (name == "source") return LabelScript::source;
  throw UsageError("--label-script '" + name + "' — expected cyrl, latn or source");
}

std::string without_qualifier(const std::string& name) {
  if (name.size() < 4 || name.back() != ')') return name;
  std::size_t open = name.rfind(" (");
  if (open == std::string::npos || open == 0) return name;
  return name.substr(0, open);
}

std::string transliterate(const std::string& text, LabelScript script) {
  const char* id = script == LabelScript::latin      ? "Any-Latin"
                   : script == LabelScript::cyrillic ? "Any-Cyrillic"
                                                     : nullptr;
  if (!id) return text;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  transliterator(id).transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string place_label(const Incident& i, LabelScript script) {
  std::string name = without_qualifier(i.resolved_name.empty() ? i.place : i.resolved_name);
  if (script == LabelScript::source)
    script = has_cyrillic(i.place) ? LabelScript::cyrillic : LabelScript::latin;
  return transliterate(name, script);
}

std::string credit_name(const std::string& source) {
  std::string head = source;
  if (looks_like_path(head)) {
    std::replace(head.begin(), head.end(), '\\', '/');
    head = std::filesystem::path(head).filename().string();
  } else {
    head = head.substr(0, head.find(" ("));
  }
  if (head.size() > 40) head = head.substr(0, 39) + "…";
  return head;
}

}  // namespace bm
