#include <iostream>

#include "cli/commands.hpp"
#include "gazetteer/gazetteer.hpp"
#include "geodata/bundle.hpp"

namespace bm::cli {
namespace {

class ResolveCommand : public Command {
 public:
  const char* name() const override { return "resolve"; }
  const char* summary() const override {
    return "Resolve place names to places of the bundled gazetteer";
  }
  const char* example() const override { return "bordermap resolve Kolkand --country TJ"; }
  void setup(CLI::App& app) override {
    app.add_option("names", names_, "Place names as written")->required();
    app.add_option("--country", hints_.country, "ISO2 country hint");
    app.add_option("--region", hints_.region, "Admin-1 region hint");
  }
  void run() override {
    Gazetteer gaz = Gazetteer::from_bundle(Bundle());
    for (const auto& n : names_) {
      Resolution r = gaz.resolve(n, hints_);
      if (!r.place) {
        std::cout << n << "\tunresolved\n";
        continue;
      }
      std::cout << n << '\t' << r.place->id << '\t' << r.place->name << '\t' << r.place->country
                << '\t';
      if (r.place->point) std::cout << r.place->point->lon << ',' << r.place->point->lat;
      std::cout << '\t' << r.match << '\t' << r.confidence << '\n';
    }
  }

 private:
  std::vector<std::string> names_;
  ResolveHints hints_;
};

}  // namespace

std::unique_ptr<Command> make_resolve_command() { return std::make_unique<ResolveCommand>(); }

}  // namespace bm::cli
