// The only unit that talks MPI: how experiment tasks reach rank 0.
//
// `mpirun -n K pathways compare ...` starts K processes. Each builds the same
// plan from the same command line; rank 0 opens the journal and broadcasts the
// list of pending tasks; pending task j runs on rank j mod K (a static,
// deterministic assignment: results never depend on it, because a task is a
// pure function of its scenario, seed and replicate). Workers send each
// finished task file, as bytes, to rank 0, which alone writes the journal and
// the experiment file.
//
// Without mpirun (no OMPI_COMM_WORLD_SIZE / PMIX_RANK in the environment) MPI
// is never initialised: the process is rank 0 of 1 and nothing here blocks.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace pw {

class MpiSession {
 public:
  MpiSession();  // initialises MPI iff launched by mpirun
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;

  static bool launched_by_mpirun();

  [[nodiscard]] int rank() const { return rank_; }
  [[nodiscard]] int size() const { return size_; }
  [[nodiscard]] bool root() const { return rank_ == 0; }

  // Rank 0's `values` replace everyone else's.
  void broadcast(std::vector<long long>& values) const;
  // Worker -> rank 0: the bytes of a finished task file (returns at once).
  void send_task(int task, const std::string& bytes);
  // Worker: waits until every task sent has been received.
  void finish_sends();
  // Rank 0: one finished task from a worker. With block = false returns false
  // at once when none is waiting.
  bool receive_task(int& task, std::string& bytes, bool block) const;
  // Ends every rank (a failure on one rank must not leave the others waiting).
  [[noreturn]] void abort(int code) const;

 private:
  struct PendingSend;
  std::vector<std::unique_ptr<PendingSend>> sends_;
  bool active_ = false;
  int rank_ = 0, size_ = 1;
};

}  // namespace pw
