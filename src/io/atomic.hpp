#pragma once
// Every output goes through here (docs/errors.md, "What is guaranteed about
// outputs"): the file is written into a private staging folder beside the
// target (mkdtemp, mode 0700, named .bordermap-tmp-PID-XXXXXX), every write,
// fsync and close is checked, then it is renamed over the target. On any
// failure, on SIGINT/SIGTERM and at exit the staging folder is removed; the
// staging folders of killed runs are swept the next time a run writes into
// that folder. The target is either the old file or the whole new one.
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

namespace bm {

class StagedFile {
 public:
  // Checks `target` (a folder there, or a missing parent, is a usage error)
  // and creates the staging folder. A device or FIFO target is written in place.
  explicit StagedFile(const std::string& target);
  ~StagedFile();  // not committed: the staging folder goes
  StagedFile(const StagedFile&) = delete;
  StagedFile& operator=(const StagedFile&) = delete;

  // Where to write: a path inside the staging folder with the target's file
  // name (GDAL and Cairo pick formats by extension), or the target in place.
  const std::string& path() const { return temp_; }
  const std::string& target() const { return target_; }
  // fsyncs the written file, renames it over the target and fsyncs the folder.
  void commit();

 private:
  std::string target_, staging_, temp_;
};

// Writes `path` through `body` via a StagedFile; "-" is stdout. A failed
// write throws ExportError naming `path` and the reason ("no space left").
void write_file(const std::string& path, const std::function<void(std::ostream&)>& body);

// Throws the error for a failed write of `path` with errno `err`.
[[noreturn]] void throw_write_error(const std::string& path, int err);

// A folder that will receive outputs: created when missing; an existing
// file or a read-only folder there is a usage error (exit 2).
void prepare_output_folder(const std::string& dir);

// Removes staging folders (and the .tmp-PID-* files of older versions) left
// in `dir` by runs whose process is gone. Called by StagedFile once per folder.
void sweep_stale_temporaries(const std::string& dir);

// The older two-call form, kept for call sites that hand a path to a
// library: temp_path_for stages `path`, commit_file commits it.
std::string temp_path_for(const std::string& path);
void commit_file(const std::string& tmp, const std::string& path);

}  // namespace bm
