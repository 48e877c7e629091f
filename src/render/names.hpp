#pragma once
// The names a map prints: place labels without the gazetteer's internal
// qualifiers, in the script the user asked for, and sources credited
// without the analyst's folders.
#include <string>

#include "core/model.hpp"

namespace bm {

// as_named: the gazetteer's name as it is; latin / cyrillic: transliterated
// (ICU) into that script; source: into the script of the place as the
// source wrote it (Cyrillic when the source wrote it in Cyrillic).
enum class LabelScript { as_named, latin, cyrillic, source };
// "", "latn", "cyrl", "source"; anything else is a UsageError.
LabelScript label_script_from(const std::string& name);

// "Kök-Tash (Batken District)" -> "Kök-Tash": a trailing parenthesis tells
// namesakes apart in the gazetteer; on the map the place sits in its district.
std::string without_qualifier(const std::string& name);
// `text` in `script` (latin or cyrillic); other scripts: unchanged.
std::string transliterate(const std::string& text, LabelScript script);
// The incident's place as the map prints it.
std::string place_label(const Incident& incident, LabelScript script);

// How the credit line names a source: a file path by its file name only
// (an absolute path would show the analyst's folders), a long citation by
// its head ("AP (…)" -> "AP").
std::string credit_name(const std::string& source);

}  // namespace bm
