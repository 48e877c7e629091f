#pragma once
// Resolves place names as the news writes them to places of the bundled data:
// exact normalised match, then spelling variants (a sound-alike key), then
// fuzzy (trigram candidates + edit distance), ranked with the context (country
// / admin-1 hints, places near each other) and abstaining when unsure.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace bm {

class Bundle;

struct ResolveHints {
  ResolveHints() = default;
  // Not an aggregate, so `ResolveHints{country, region}` stays warning-free.
  ResolveHints(std::string country_iso2, std::string region_name = {})
      : country(std::move(country_iso2)), region(std::move(region_name)) {}

  std::string country;  // ISO2 ("TJ"); empty: any
  std::string region;   // admin-1 (or admin-2) name as written ("Sughd"); empty: any
  // Places already resolved in the same document: candidates near them win.
  std::vector<LonLat> near;
  // The caller knows the name denotes an area ("the Batken region").
  bool wants_area = false;
  // The caller weighs the answer against its own context (extract, by the
  // countries an article names): a sound-alike is returned even unplaced.
  bool caller_judges = false;
};

// How a name was matched, best first.
enum class MatchType { exact, variant, fuzzy, context, unresolved };
const char* to_string(MatchType m);

struct Candidate {
  const Place* place = nullptr;
  MatchType match = MatchType::unresolved;
  double similarity = 0;  // 0..1 of the spelling alone
  double score = 0;       // similarity combined with context and priors
};

struct Resolution {
  std::string query;
  const Place* place = nullptr;  // null: unresolved
  GeoPrecision precision = GeoPrecision::unknown;
  double confidence = 0;             // 0..1; below 0.5 the place is a guess (see README)
  std::string match = "unresolved";  // to_string(match_type)
  MatchType match_type = MatchType::unresolved;
  // Runner-up candidates (resolved) or nearest suggestions (unresolved), best first.
  std::vector<const Place*> candidates;
  std::vector<Candidate> ranked;  // the same with their scores, the chosen one first
  // Where to put the place: its own point, or — when the reference knows the
  // place but cites no coordinate — the point of its parent area (then
  // `parent` is set, precision is 2 or 3 and uncertainty_m says how far off).
  std::optional<LonLat> location;
  double uncertainty_m = 0;
  const Place* parent = nullptr;
  std::string note;  // why: parent used, ambiguity, context that decided
  // Unresolved because two or more distinct places match equally well
  // ("Dostuk" with no hint): `candidates` lists them, a hint would decide.
  bool ambiguous = false;
};

// A toponym found in running text. Offsets are byte offsets into the UTF-8 text.
struct Mention {
  std::size_t begin = 0;
  std::size_t end = 0;       // one past the last byte
  std::string text;          // text.substr(begin, end - begin)
  std::string name;          // the name part ("Batken" in "the Batken region")
  bool area_phrase = false;  // followed by region/district/province/oblast...
  Resolution resolution;
};

class Gazetteer {
 public:
  explicit Gazetteer(std::vector<Place> places);
  ~Gazetteer();
  Gazetteer(Gazetteer&&) noexcept;
  Gazetteer& operator=(Gazetteer&&) noexcept;

  // Loads the bundle's places and admin-1 regions. Uses the index cache in
  // the user's cache folder (see cache_path_for) when valid, writes it when not.
  static Gazetteer from_bundle(const Bundle& bundle);

  Resolution resolve(std::string_view name, const ResolveHints& hints = {}) const;

  // Toponyms in running text (multi-word names, "X region/district/village",
  // possessives, Cyrillic), resolved with the hints plus the phrases around
  // them ("in the Sughd region of Tajikistan") and each other's proximity.
  std::vector<Mention> find_mentions(std::string_view text, const ResolveHints& hints = {}) const;

  std::size_t size() const;

  struct Index;  // defined in gazetteer/index.hpp

 private:
  Gazetteer();
  // resolve() without reading hints out of the name itself.
  Resolution resolve_name(std::string_view name, const ResolveHints& hints) const;
  // The best exact or variant resolution of a nominative form of a declined
  // Russian name (russian_cases.hpp); unresolved when no form is a name.
  Resolution resolve_nominative(std::string_view name, const ResolveHints& hints) const;
  std::unique_ptr<Index> index_;
};

// Puts a resolved place on an incident: point, id, name, note, uncertainty,
// and a precision no better than the resolution's.
void apply_resolution(Incident& incident, const Resolution& r);

}  // namespace bm
