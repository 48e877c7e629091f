// libFuzzer target: the incident, ACLED and UCDP table readers (io/csv and
// the three codecs). The first byte picks the reader; the rest is the file.
#include <cstdint>
#include <sstream>
#include <string>

#include "core/error.hpp"
#include "ingest/backends.hpp"
#include "io/incidents_csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
  try {
    switch (data[0] % 3) {
      case 0:
        bm::read_incidents_csv(in, "fuzz.csv");
        break;
      case 1:
        bm::ingest::read_acled(in, "fuzz.csv");
        break;
      default:
        bm::ingest::read_ucdp(in, "fuzz.csv");
    }
  } catch (const bm::Error&) {
    // A clear rejection is the expected answer to bad input; anything
    // else (another exception, a crash, a sanitizer report) is a finding.
  }
  return 0;
}
