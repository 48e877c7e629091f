#pragma once
// Merging: a figure into a draft (a repeated figure makes one claim), an
// undated mention into the dated draft of its place, and the drafts of
// several articles into one list.
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/dates.hpp"
#include "extract/draft.hpp"

namespace bm::extract {

// A plain id part from a name ("Kok-Tash" -> "kok-tash").
std::string slug(const std::string& s);

void add_claim(DraftIncident& d, const ClaimMention& cm, const std::string& source);

// A draft of a place whose date was borrowed (a headline) joins a draft of
// the same place the article dates itself; the joined ones are removed.
void join_undated_mentions(std::vector<DraftIncident>& drafts, const std::string& source);

// Drafts of one place and dates (of one conflict, kind and day for
// conflict-wide figures) become one, in order of first appearance; the
// fold merge_drafts makes over every article, and extract_in_sections
// over a long text's sections.
class DraftMerger {
 public:
  explicit DraftMerger(bool keep_evidence) : keep_evidence_(keep_evidence) {}
  void add(DraftIncident&& d);
  std::vector<DraftIncident> take() { return std::move(out_); }

 private:
  struct Index {  // of one merged draft, by source
    std::unordered_map<std::string, std::vector<std::size_t>> claims;
    std::unordered_set<std::string> sources;
    void add(const Claim& c, std::size_t i);
  };
  void add_indexed(std::size_t at, const ClaimMention& cm, const std::string& source);

  bool keep_evidence_;
  std::vector<DraftIncident> out_;
  std::vector<Index> index_;  // parallel to out_
  std::map<std::string, std::size_t> by_key_;
};

// The note of a draft left undated (no date near it, no publication date).
inline constexpr std::string_view kUndatedNote =
    "no date in the sentence and no publication date (give --date)";

// Drafts told before the article's lead ("Thousands leave villages" over a
// lead dated "overnight, the ministry said on 15 June") and left undated
// (no publication date) take the lead's date, as later undated ones do.
void date_from_lead(std::vector<DraftIncident>& drafts, const DateMention* lead);

}  // namespace bm::extract
