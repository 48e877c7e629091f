#pragma once
// General word lists the extraction rules use (compiled in, nothing here is
// specific to one conflict). Keys are lower-case ASCII as Token::lower gives.
#include <optional>
#include <string>
#include <string_view>

namespace bm::extract::lex {

std::optional<long> number_word(std::string_view w);  // one..ninety, dozen
int month(std::string_view w);                        // 1..12, 0 if none
int weekday(std::string_view w);                      // 0 Monday..6 Sunday, -1 if none
// ISO2 for a demonym or a common country name/short form ("kyrgyz", "india",
// "afghan"); empty if none. Full country names also come from the bundle.
std::string country_word(std::string_view w);
// killed, injured, evacuated, displaced, missing; empty if none.
std::string casualty_kind(std::string_view w);
// civilians, border guards, soldiers, ...; two-word groups via `next`.
std::string group(std::string_view w, std::string_view next = {});
// One of README's event types, or empty.
std::string event_cue(std::string_view w, std::string_view next = {});
std::string weapon(std::string_view w, std::string_view next = {});
bool speech_verb(std::string_view w);         // said, reported, announced, ...
bool not_people(std::string_view w);          // days, villages, rockets: counted, but not people
bool institution_word(std::string_view w);    // ministry, agency, council: names, not places
bool title_word(std::string_view w);          // president, minister: a person follows
bool title_abbreviation(std::string_view w);  // "gen", "lt", "mr": before a name with a stop
bool locative(std::string_view w);            // in, at, near, from, ...
bool area_word(std::string_view w);           // region, district, province, ...
bool settlement_word(std::string_view w);     // village, town, city, settlement
bool landmark_word(std::string_view w);       // temple, pagoda, bridge, pass: "the X temple"
bool venue_word(std::string_view w);          // summit, conference, sidelines, visit
bool total_word(std::string_view w);          // toll, total, overall, altogether
bool not_a_place(std::string_view w);
// "New", "North", ...: never a place alone, but may start one ("New Delhi").
bool name_prefix(std::string_view w);  // capitalised words never worth a lookup
bool phrase_stop(std::string_view w);  // punctuation, "that", "which": a noun phrase ends
// "however", "also", "officially": skipped between a subject and its verb.
bool adverb(std::string_view w);

}  // namespace bm::extract::lex
