#include "export/stream.hpp"

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <optional>

#include "core/error.hpp"
#include "export/csv_export.hpp"
#include "export/formats.hpp"
#include "export/geojson.hpp"
#include "export/geojson_incidents.hpp"
#include "export/geojson_links.hpp"
#include "export/gpkg.hpp"
#include "export/gpkg_rows.hpp"
#include "export/gpkg_rtree.hpp"
#include "export/layer_util.hpp"
#include "export/link_spool.hpp"
#include "export/styles.hpp"
#include "io/atomic.hpp"

namespace bm {
namespace {

// Each located incident with its link: links[k] is the k-th located one's.
template <class Write>
void each_located(std::span<const Incident> incidents, std::span<const Link> links, Write write) {
  std::size_t k = 0;
  for (const auto& i : incidents) {
    if (!i.location) continue;  // the caller lists unlocated incidents as rejected
    write(i, k < links.size() ? &links[k] : nullptr);
    ++k;
  }
}

std::string sibling(const std::string& path, ExportLayer layer) {
  std::filesystem::path p(path);
  return (p.parent_path() / (p.stem().string() + "_" + layer_name(layer) + p.extension().string()))
      .string();
}

class GeoJsonStream : public ExportStream {
 public:
  GeoJsonStream(const std::string& path, const ExportOptions& o, std::vector<UserField> user)
      : path_(path),
        options_(o),
        staged_(path),
        out_(staged_.path(), std::move(user), o.precision) {
    if (has_layer(o, ExportLayer::links)) spool_ = std::make_unique<LinkSpool>();
  }

  void write(std::span<const Incident> incidents, std::span<const Link> links) override {
    each_located(incidents, links, [&](const Incident& i, const Link* k) {
      out_.write(i, k);
      if (spool_ && k) spool_->add(i, *k);
    });
  }

  std::vector<std::string> finish(const ExportData& rest) override {
    out_.finish(path_);
    staged_.commit();
    std::vector<std::string> written = {path_, write_qml_sidecar(path_, ExportLayer::incidents)};
    for (ExportLayer layer : options_.layers) {
      if (layer == ExportLayer::incidents) continue;
      const std::string p = sibling(path_, layer);
      if (layer == ExportLayer::links)
        write_links(p, rest);
      else
        write_geojson_layer(p, layer, rest, options_);
      written.push_back(p);
      written.push_back(write_qml_sidecar(p, layer));
    }
    return written;
  }

 private:
  void write_links(const std::string& p, const ExportData& rest) {
    StagedFile staged(p);
    GeoJsonLinks out(staged.path(), rest.segments, rest.as_of, options_.precision);
    spool_->replay([&](const Link& k, const Incident& i) { out.write(k, i); });
    out.finish(p);
    staged.commit();
  }
  std::string path_;
  ExportOptions options_;
  StagedFile staged_;
  GeoJsonIncidents out_;
  std::unique_ptr<LinkSpool> spool_;
};

// The incidents go in through SQLite directly (gpkg_rows.hpp): GDAL
// creates the file and the table's fields, closes it, and reopens it at the
// end for the small layers and the styles.
class GpkgStream : public ExportStream {
 public:
  GpkgStream(const std::string& path, const ExportOptions& o, std::vector<UserField> user)
      : path_(path), options_(o), staged_(path) {
    {
      GDALDatasetUniquePtr ds = gpkg_create(staged_.path(), path);
      layer_util::IncidentsLayer fields(*ds, user, o, const_cast<char**>(gpkg_layer_options()));
      gdal::close_written(ds, staged_.path(), path, -1);
    }
    guarded([&] {
      rows_ = std::make_unique<GpkgIncidentRows>(staged_.path(), path, o.table_prefix + "incidents",
                                                 std::move(user), o);
    });
    if (has_layer(o, ExportLayer::links)) spool_ = std::make_unique<LinkSpool>();
  }

  void write(std::span<const Incident> incidents, std::span<const Link> links) override {
    guarded([&] {
      each_located(incidents, links, [&](const Incident& i, const Link* k) {
        rows_->write(i, k);
        if (spool_ && k) spool_->add(i, *k);
      });
      rows_->commit();  // one transaction per block
    });
  }

  std::vector<std::string> finish(const ExportData& rest) override {
    guarded([&] { rows_->finish(); });
    rows_.reset();
    ds_ = gpkg_open(staged_.path(), path_);
    begin();
    for (ExportLayer layer : options_.layers) {
      if (layer == ExportLayer::incidents) continue;
      if (layer == ExportLayer::links)
        write_links(rest);
      else
        gpkg_write_layer(*ds_, path_, layer, rest, options_);
    }
    gpkg_write_styles(*ds_, options_);
    if (ds_->CommitTransaction() != OGRERR_NONE) gdal::throw_write_failed(path_, "cannot commit");
    gdal::close_written(ds_, staged_.path(), path_, -1);
    add_spatial_indexes(staged_.path(), path_);
    staged_.commit();
    return {path_};
  }

 private:
  // SQLite's "disk is full" becomes the no-space message naming the target.
  template <class F>
  void guarded(F f) {
    try {
      f();
    } catch (const ExportError& e) {
      gdal::throw_write_failed(path_, e.what());
    }
  }
  void begin() {
    if (ds_->StartTransaction() != OGRERR_NONE)
      gdal::throw_write_failed(path_, "cannot start a transaction");
  }
  void write_links(const ExportData& rest) {
    guarded([&] {
      layer_util::LinksLayer links(*ds_, rest, options_, const_cast<char**>(gpkg_layer_options()));
      spool_->replay([&](const Link& k, const Incident& i) { links.write(k, i); });
    });
  }
  std::string path_;
  ExportOptions options_;
  StagedFile staged_;
  std::unique_ptr<GpkgIncidentRows> rows_;
  GDALDatasetUniquePtr ds_;  // at the end, for the other layers
  std::unique_ptr<LinkSpool> spool_;
};

// Incidents only (a CSV holds one layer), located or not, in one file.
class CsvStream : public ExportStream {
 public:
  CsvStream(const std::string& path, const ExportOptions& o, CountryNames names)
      : path_(path),
        staged_(path),
        file_(staged_.path(), std::ios::binary),
        rows_(file_, o.precision, o.flavour, std::move(names)) {
    if (!file_) throw_write_error(path_, errno);
  }

  void write(std::span<const Incident> incidents, std::span<const Link> links) override {
    rows_.write(incidents, links);
    started_ = true;
    if (!file_) throw_write_error(path_, errno);
  }

  std::vector<std::string> finish(const ExportData&) override {
    if (!started_) rows_.write({}, {});  // an empty table still gets its header
    file_.close();
    if (!file_) throw_write_error(path_, errno);
    staged_.commit();
    return {path_};
  }

 private:
  std::string path_;
  StagedFile staged_;
  std::ofstream file_;
  CsvBlockWriter rows_;
  bool started_ = false;
};

}  // namespace

bool can_stream(const std::string& target, const ExportOptions& options) {
  std::string format = export_format_for(target).name;
  return (format == "geojson" || format == "gpkg" || format == "csv") &&
         has_layer(options, ExportLayer::incidents);
}

std::unique_ptr<ExportStream> open_export_stream(const std::string& target,
                                                 const ExportOptions& options,
                                                 std::vector<UserField> user,
                                                 CountryNames country_names) {
  std::string format = export_format_for(target).name;
  if (format == "geojson") return std::make_unique<GeoJsonStream>(target, options, std::move(user));
  if (format == "gpkg") return std::make_unique<GpkgStream>(target, options, std::move(user));
  if (format == "csv")
    return std::make_unique<CsvStream>(target, options, std::move(country_names));
  throw ExportError("no streaming writer for " + target);
}

}  // namespace bm
