// What went wrong in the HDF5 library, said once. While an H5FailureCapture
// is alive, HDF5 prints nothing: neither its own error stack ("HDF5-DIAG ...")
// nor, through std::cerr, the C++ API's destructor messages ("DataSet::~DataSet
// - H5Dclose failed"), which cascade by the dozen once a disk is full. It keeps
// the innermost message of the first failed HDF5 call instead, with the
// system's reason for a failed read or write ("No space left on device").
// Used around every write of sim/app/io/results_file.cpp and by the readers
// of results files given as input; single-threaded (HDF5 is not thread-safe here).
#pragma once

#include <H5Cpp.h>

#include <streambuf>
#include <string>

namespace pw::h5 {

class H5FailureCapture {
 public:
  H5FailureCapture();
  ~H5FailureCapture();
  H5FailureCapture(const H5FailureCapture&) = delete;
  H5FailureCapture& operator=(const H5FailureCapture&) = delete;

  // "No space left on device (file write failed ...)", "" when nothing failed.
  [[nodiscard]] std::string reason() const;
  // The system's reason alone ("No space left on device"), "" when there was none.
  [[nodiscard]] const std::string& system_error() const { return system_error_; }
  // The reason, or `fallback` (an exception's detail message) when nothing was captured.
  [[nodiscard]] std::string reason_or(const std::string& fallback) const;

 private:
  struct Discard : std::streambuf {
    int overflow(int c) override { return c == traits_type::eof() ? 0 : c; }
  };
  static herr_t record(hid_t stack, void* self);

  H5E_auto2_t old_func_ = nullptr;
  void* old_data_ = nullptr;
  Discard discard_;
  std::streambuf* old_cerr_ = nullptr;
  std::string innermost_, system_error_;
  bool captured_ = false;
};

}  // namespace pw::h5
