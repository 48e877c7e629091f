#include <cstdio>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "core/error.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/resolution_json.hpp"
#include "geodata/bundle.hpp"

namespace bm::cli {
namespace {

class ResolveCommand : public Command {
 public:
  const char* name() const override { return "resolve"; }
  const char* summary() const override {
    return "Resolve place names (as the news spells them) to places of the gazetteer";
  }
  const char* example() const override {
    return "bordermap resolve Kolkand \"Batken region\" --country TJ --json";
  }
  void setup(CLI::App& app) override {
    app.add_option("names", names_, "Place names as written; none: read one per line from stdin");
    app.add_option("--country", hints_.country, "ISO2 country hint, e.g. TJ");
    app.add_option("--region", hints_.region, "Admin-1 or district hint, e.g. Sughd");
    app.add_option("--near", near_, "LON,LAT: prefer places near this point");
    app.add_flag("--json", json_, "One JSON object per name (JSON lines)");
    app.add_option("--text", text_file_,
                   "Find and resolve the place names in this text file (UTF-8) instead")
        ->check(CLI::ExistingFile);
  }
  void run() override {
    if (!near_.empty()) {
      double lon = 0, lat = 0;
      char comma = 0;
      std::istringstream in(near_);
      if (!(in >> lon >> comma >> lat) || comma != ',' || std::abs(lat) > 90 || std::abs(lon) > 180)
        throw UsageError("--near '" + near_ + "': expected LON,LAT in degrees, e.g. 70.6,39.9");
      hints_.near.push_back({lon, lat});
    }
    Gazetteer gaz = Gazetteer::from_bundle(Bundle());
    if (!json_)
      std::cout << "query\tid\tname\tkind\tcountry\tadmin1\tlon,lat\tprecision\tconfidence\tmatch"
                   "\trunners_up / note\n";
    auto one_resolved = [&](const Resolution& r) {
      if (json_)
        std::cout << to_json(r).dump() << '\n';
      else
        print_row(r);
    };
    auto one = [&](const std::string& n) { one_resolved(gaz.resolve(n, hints_)); };
    if (!text_file_.empty()) {
      std::ifstream in(text_file_, std::ios::binary);
      std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      for (Mention& m : gaz.find_mentions(text, hints_)) {
        m.resolution.query = m.text + " @" + std::to_string(m.begin) + "-" + std::to_string(m.end);
        one_resolved(m.resolution);
      }
      return;
    }
    if (names_.empty()) {
      for (std::string line; std::getline(std::cin, line);)
        if (line.find_first_not_of(" \t\r") != std::string::npos) one(line);
    } else {
      for (const auto& n : names_) one(n);
    }
  }

 private:
  static void print_row(const Resolution& r) {
    std::cout << std::fixed << r.query << '\t';
    if (r.place) {
      const Place& p = *r.place;
      std::cout << p.id << '\t' << p.name << '\t' << p.kind << '\t' << p.country << '\t' << p.admin1
                << '\t';
    } else {
      std::cout << "-\t-\t-\t-\t-\t";
    }
    if (r.location)
      std::cout << std::fixed << std::setprecision(4) << r.location->lon << ',' << r.location->lat;
    else
      std::cout << '-';
    std::cout << '\t' << static_cast<int>(r.precision) << '\t' << std::setprecision(2)
              << r.confidence << '\t' << r.match << '\t';
    std::string sep;
    for (std::size_t i = 0; i < r.candidates.size() && i < 3; ++i) {
      const Place& c = *r.candidates[i];
      std::cout << sep << c.name << " (" << c.id << ", " << c.country << ")";
      sep = ", ";
    }
    if (!r.note.empty()) std::cout << (sep.empty() ? "" : " | ") << r.note;
    std::cout << '\n';
  }

  std::vector<std::string> names_;
  ResolveHints hints_;
  std::string near_;
  std::string text_file_;
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> make_resolve_command() { return std::make_unique<ResolveCommand>(); }

}  // namespace bm::cli
