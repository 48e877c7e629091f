#pragma once
// The format backends that formats.cpp lists. Each reads one input into
// incidents plus rejections; the stream overloads serve the tests.
#include <iosfwd>
#include <string>

#include "ingest/ingest.hpp"

namespace bm::ingest {

int detect_bordermap_csv(const Input& in);
IncidentTable read_bordermap_csv(const Input& in, const Options& o);

int detect_acled(const Input& in);
IncidentTable read_acled(const Input& in, const Options& o);
IncidentTable read_acled(std::istream& in, const std::string& name, const RowSink& sink = {});

int detect_ucdp(const Input& in);
IncidentTable read_ucdp(const Input& in, const Options& o);
IncidentTable read_ucdp(std::istream& in, const std::string& name, const RowSink& sink = {});

// ACLED's and UCDP's API answers ({"data": [...]}, {"Result": [...]}).
int detect_api_json(const Input& in);
IncidentTable read_api_json(const Input& in, const Options& o);

int detect_ogr(const Input& in);
IncidentTable read_ogr(const Input& in, const Options& o);

}  // namespace bm::ingest
