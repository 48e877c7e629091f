#pragma once
// The links of a streamed export, kept on disk until the end: their
// segment status is the one in force on the run's status date, known only
// once every incident is read, and memory must not grow with the rows.
// A record holds what a links feature needs (ids, date, the two points).
#include <cstdio>
#include <functional>
#include <map>
#include <string>

#include "core/model.hpp"

namespace bm {

class LinkSpool {
 public:
  LinkSpool();  // an anonymous temporary file, gone when closed
  ~LinkSpool();
  LinkSpool(const LinkSpool&) = delete;
  LinkSpool& operator=(const LinkSpool&) = delete;

  // A located incident and its link.
  void add(const Incident& incident, const Link& link);
  // Every record in the order added, as a link and an incident holding
  // id, date_start and location. Throws ExportError on a read/write failure.
  void replay(const std::function<void(const Link&, const Incident&)>& each);

 private:
  void put(const void* p, std::size_t n);
  void put(const std::string& s);
  std::FILE* file_ = nullptr;
  int error_ = 0;
};

// A link names the segment active on the incident's date, which may be
// another period than the one exported: its status is looked up by id,
// preferring the period in force on `as_of` (as the links layer shows).
std::map<std::string, const BorderSegment*> segments_by_id(
    const std::vector<BorderSegment>& segments, const std::string& as_of);

}  // namespace bm
