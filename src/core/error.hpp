#pragma once
// The exception hierarchy of bordermap. Library code throws these; only main()
// turns them into exit codes (see README, "Exit codes").
#include <stdexcept>
#include <string>

namespace bm {

enum class ExitCode : int { ok = 0, data_error = 1, usage = 2, internal = 3 };

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
  virtual ExitCode exit_code() const { return ExitCode::data_error; }
};

// Bad input data: a file that cannot be read, a malformed row or feature.
class InputError : public Error {
 public:
  using Error::Error;
};

// A style or config file that is invalid.
class ConfigError : public Error {
 public:
  using Error::Error;
};

// Wrong command-line usage detected after parsing (conflicting options...).
class UsageError : public Error {
 public:
  using Error::Error;
  ExitCode exit_code() const override { return ExitCode::usage; }
};

class GeometryError : public Error {
 public:
  using Error::Error;
};

class RenderError : public Error {
 public:
  using Error::Error;
};

class ExportError : public Error {
 public:
  using Error::Error;
};

// "file:line: message" — the location prefix every input error carries.
std::string at(const std::string& file, long line, const std::string& message);

}  // namespace bm
