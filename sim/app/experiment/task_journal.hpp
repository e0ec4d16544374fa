// The journal of a resumable experiment: one small results file per finished
// task, in the directory "<output>.tasks/", next to where the experiment file
// will go.
//
//   <output>.tasks/experiment.json     {"inputs_hash", "kind", "tasks"}, written first
//   <output>.tasks/task_<t>.h5         task t, a one-replicate results file
//                                      (compare, sweep; `pathways calibrate` journals
//                                      task_<t>.json, one evaluation's distance)
//   <output>.lock                      flock'ed by the process running the experiment
//                                      (sim/app/io/output_lock.hpp), held while the
//                                      journal is open, so also while the experiment
//                                      file is assembled
//
// A task file is written as "task_<t>.h5.part.<pid>", flushed, fsync'ed and renamed:
// the rename is the "done" mark, so a crash or `kill -9` at any moment leaves
// either a complete task file or a stray .part, which opening the journal
// deletes. (HDF5 1.10 cannot promise a consistent file after a kill in the
// middle of a metadata write, so tasks are never appended to one shared HDF5
// file while running.) Opening a journal made by different inputs (another
// hash) throws ExperimentInputError unless `restart` is set, which clears it.
// Only MPI rank 0 (or the single process) touches the journal; a second
// process on the same output is refused (ExperimentInputError) while the
// first holds the lock.
#pragma once

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/app/io/io_errors.hpp"
#include "sim/app/io/output_lock.hpp"

namespace pw {

// The command cannot proceed because of what the user asked for (exit code 2).
class ExperimentInputError : public InputProblem {
 public:
  using InputProblem::InputProblem;
};

class TaskJournal {
 public:
  // `extension`: of the task files (".h5" for results files).
  TaskJournal(const std::filesystem::path& output, std::string kind, std::string inputs_hash, int tasks, bool restart,
              std::string extension = ".h5");
  ~TaskJournal();
  TaskJournal(const TaskJournal&) = delete;
  TaskJournal& operator=(const TaskJournal&) = delete;

  [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }
  [[nodiscard]] std::filesystem::path task_path(int task) const;
  [[nodiscard]] bool done(int task) const { return done_.at(static_cast<std::size_t>(task)); }
  [[nodiscard]] int done_count() const;
  [[nodiscard]] std::vector<int> pending() const;
  [[nodiscard]] int tasks() const { return static_cast<int>(done_.size()); }

  // Marks a task done after its file was committed at task_path(task).
  void mark_done(int task);
  // Stores the bytes of a task file produced elsewhere (an MPI worker): .part, fsync, rename.
  void store(int task, const std::string& bytes);
  // Deletes the journal (after the experiment file is in place).
  void remove();
  // The experiment's lock on its output, held from the journal's opening.
  [[nodiscard]] const OutputLock& output_lock() const { return *lock_; }

 private:
  std::filesystem::path dir_;
  std::string extension_;
  std::vector<bool> done_;
  std::unique_ptr<OutputLock> lock_;  // on <output>, held while this journal is open
};

// Writes `bytes` to `path` atomically: path.part.<pid>, fsync, rename. A failed
// write (disk full) throws WriteFailure naming the reason; nothing is left.
void write_file_atomically(const std::filesystem::path& path, const std::string& bytes);
// fsync of a file that is already written and closed.
void fsync_file(const std::filesystem::path& path);
std::string read_file_bytes(const std::filesystem::path& path);

}  // namespace pw
