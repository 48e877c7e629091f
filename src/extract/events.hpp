#pragma once
// Event cues in a sentence ("shelling", "clashes", "opened fire",
// "ceasefire") typed into README's event types, and the weapons named.
#include <string>
#include <vector>

#include "extract/text.hpp"

namespace bm::extract {

struct EventCue {
  std::string type;
  std::size_t token = 0;
  std::size_t begin = 0, end = 0;
};

struct SentenceEvents {
  std::vector<EventCue> cues;
  std::vector<std::string> weapons;  // distinct, in order of mention
  // The event type for the sentence: the most specific cue, "" if none.
  std::string main_type() const;
  bool violent() const;  // any cue other than talks / ceasefire
};

SentenceEvents find_events(const std::vector<Token>& toks, std::size_t first, std::size_t last);
int event_rank(const std::string& type);  // lower is more specific

}  // namespace bm::extract
