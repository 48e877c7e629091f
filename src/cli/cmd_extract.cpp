#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/global.hpp"
#include "core/error.hpp"
#include "extract/extractor.hpp"
#include "extract/output.hpp"
#include "gazetteer/gazetteer.hpp"
#include "geodata/bundle.hpp"
#include "io/atomic.hpp"

namespace bm::cli {
namespace {

class ExtractCommand : public Command {
 public:
  const char* name() const override { return "extract"; }
  const char* summary() const override {
    return "Draft incidents (places, dates, figures and who claims them) from news articles";
  }
  const char* example() const override {
    return "bordermap extract article1.txt page2.html --date 2022-09-18 -o drafts.csv";
  }
  void setup(CLI::App& app) override {
    app.add_option("articles", files_, "Article files: plain text or HTML")
        ->required()
        ->each(note_input);
    app.add_option("--date", date_,
                   "Publication date (YYYY-MM-DD) for articles without a dateline");
    app.add_option("-o,--out", out_,
                   "drafts.csv, drafts.json (with evidence spans) or - for CSV on stdout")
        ->capture_default_str();
    app.add_option("--evidence", evidence_, "Also write the JSON evidence to this file");
  }
  void run() override {
    if (!date_.empty() && !extract::parse_iso(date_))
      throw UsageError("--date '" + date_ + "' is not a date: give YYYY-MM-DD");
    Bundle bundle;
    Gazetteer gaz = Gazetteer::from_bundle(bundle);
    extract::PlaceLookup lookup(gaz, extract::country_names(bundle));
    bool json = out_.size() > 5 && out_.ends_with(".json");
    extract::ExtractResult r =
        extract::extract_files(files_, lookup, date_, json || !evidence_.empty());
    for (const auto& x : r.docs) {
      if (x.date_from == "none")
        note(x.doc.source +
             ": no publication date in the text and no --date: relative dates left open");
      for (const auto& rej : x.rejected) {
        // An article that is not text counts as rejected input (exit 1).
        global().input_rejected += rej.malformed ? 1 : 0;
        const std::string what = rej.record == rej.file ? "" : rej.record + ": ";
        note(rej.malformed ? "rejected: " + rej.reason : rej.file + ": " + what + rej.reason);
      }
    }
    write_file(out_, [&](std::ostream& os) {
      if (json) {
        extract::write_drafts_json(os, r.docs, r.drafts);
      } else {
        extract::write_drafts_csv(os, r.drafts);
      }
    });
    if (!evidence_.empty())
      write_file(evidence_,
                 [&](std::ostream& os) { extract::write_drafts_json(os, r.docs, r.drafts); });
    std::size_t claims = 0;
    for (const auto& d : r.drafts) claims += d.incident.claims.size();
    note(std::to_string(files_.size()) + " articles -> " + std::to_string(r.drafts.size()) +
         " draft incidents, " + std::to_string(claims) + " claims");
  }

 private:
  std::vector<std::string> files_;
  std::string date_;
  std::string out_ = "-";
  std::string evidence_;
};

}  // namespace

std::unique_ptr<Command> make_extract_command() { return std::make_unique<ExtractCommand>(); }

}  // namespace bm::cli
