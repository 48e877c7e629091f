#include "export/stream.hpp"

#include <filesystem>
#include <optional>

#include "core/error.hpp"
#include "export/formats.hpp"
#include "export/geojson.hpp"
#include "export/geojson_incidents.hpp"
#include "export/gpkg.hpp"
#include "export/layer_util.hpp"
#include "export/styles.hpp"
#include "io/atomic.hpp"

namespace bm {
namespace {

// Each located incident with its link: links[k] is the k-th located one's.
template <class Write>
void each_located(const std::vector<Incident>& incidents, const std::vector<Link>& links,
                  Write write) {
  std::size_t k = 0;
  for (const auto& i : incidents) {
    if (!i.location) continue;  // the caller lists unlocated incidents as rejected
    write(i, k < links.size() ? &links[k] : nullptr);
    ++k;
  }
}

class GeoJsonStream : public ExportStream {
 public:
  GeoJsonStream(const std::string& path, const ExportOptions& o, std::vector<UserField> user)
      : path_(path),
        options_(o),
        staged_(path),
        out_(staged_.path(), std::move(user), o.precision) {}

  void write(const std::vector<Incident>& incidents, const std::vector<Link>& links) override {
    each_located(incidents, links, [&](const Incident& i, const Link* k) { out_.write(i, k); });
  }

  std::vector<std::string> finish(const ExportData& rest) override {
    out_.finish(path_);
    staged_.commit();
    std::vector<std::string> written = {path_, write_qml_sidecar(path_, ExportLayer::incidents)};
    ExportOptions others = options_;
    others.layers.erase(others.layers.begin());  // incidents: done
    if (!others.layers.empty())
      for (auto& p : write_geojson(path_, rest, others)) written.push_back(p);
    return written;
  }

 private:
  std::string path_;
  ExportOptions options_;
  StagedFile staged_;
  GeoJsonIncidents out_;
};

class GpkgStream : public ExportStream {
 public:
  GpkgStream(const std::string& path, const ExportOptions& o, std::vector<UserField> user)
      : path_(path), options_(o), staged_(path), ds_(gpkg_create(staged_.path(), path)) {
    begin();
    layer_.emplace(*ds_, std::move(user), o, const_cast<char**>(gpkg_layer_options()));
  }

  void write(const std::vector<Incident>& incidents, const std::vector<Link>& links) override {
    try {
      each_located(incidents, links,
                   [&](const Incident& i, const Link* k) { layer_->write(i, k); });
    } catch (const ExportError& e) {
      gdal::throw_write_failed(path_, e.what());  // "no space left" when SQLite says full
    }
    // One transaction per block: SQLite's journal stays the size of a block.
    if (ds_->CommitTransaction() != OGRERR_NONE) gdal::throw_write_failed(path_, "cannot commit");
    begin();
  }

  std::vector<std::string> finish(const ExportData& rest) override {
    gpkg_finish(*ds_, path_, rest, options_, /*from=*/1);
    if (ds_->CommitTransaction() != OGRERR_NONE) gdal::throw_write_failed(path_, "cannot commit");
    layer_.reset();
    gdal::close_written(ds_, staged_.path(), path_, -1);
    staged_.commit();
    return {path_};
  }

 private:
  void begin() {
    if (ds_->StartTransaction() != OGRERR_NONE)
      gdal::throw_write_failed(path_, "cannot start a transaction");
  }
  std::string path_;
  ExportOptions options_;
  StagedFile staged_;
  GDALDatasetUniquePtr ds_;
  std::optional<layer_util::IncidentsLayer> layer_;
};

}  // namespace

bool can_stream(const std::string& target, const ExportOptions& options) {
  std::string format = export_format_for(target).name;
  return (format == "geojson" || format == "gpkg") && !has_layer(options, ExportLayer::links) &&
         has_layer(options, ExportLayer::incidents);
}

std::unique_ptr<ExportStream> open_export_stream(const std::string& target,
                                                 const ExportOptions& options,
                                                 std::vector<UserField> user) {
  std::string format = export_format_for(target).name;
  if (format == "geojson") return std::make_unique<GeoJsonStream>(target, options, std::move(user));
  if (format == "gpkg") return std::make_unique<GpkgStream>(target, options, std::move(user));
  throw ExportError("no streaming writer for " + target);
}

}  // namespace bm
