// The errors of reading and writing results files, by what the user can do
// about them. The command line maps InputProblem (and what derives from it) to
// exit code 2 and WriteFailure to exit code 1; both carry a complete message
// that names the file.
#pragma once

#include <stdexcept>
#include <string>

namespace pw {

// A file or option the user gave cannot be used as it is: an output that is a
// directory or device, an output another process is writing, a results file
// given as input that is damaged or of another kind. Exit code 2.
class InputProblem : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A results file given as input (to inspect, report, the viewer's replay or a
// resumed experiment) is missing, not HDF5, truncated, lacks a dataset or is
// of another kind. The message names the file and what is wrong.
class ResultsFileError : public InputProblem {
 public:
  using InputProblem::InputProblem;
};

// Writing failed (disk full, I/O error, quota): the message says what
// happened and what is left (the earlier file under the final name is
// untouched; the partial file is removed). Exit code 1.
class WriteFailure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace pw
