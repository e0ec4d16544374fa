#include "sim/app/experiment/mpi_tasks.hpp"

#include <mpi.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <thread>

namespace pw {

namespace {
constexpr int kTaskTag = 7;
}

struct MpiSession::PendingSend {
  std::string buffer;
  MPI_Request request = MPI_REQUEST_NULL;
};

bool MpiSession::launched_by_mpirun() {
  return std::getenv("OMPI_COMM_WORLD_SIZE") != nullptr || std::getenv("PMIX_RANK") != nullptr ||
         std::getenv("PMI_RANK") != nullptr;
}

MpiSession::MpiSession() {
  if (!launched_by_mpirun()) return;
  int initialised = 0;
  MPI_Initialized(&initialised);
  if (!initialised) {
    int provided = 0;
    // Only the main thread of each rank calls MPI; TBB workers never do.
    MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
  }
  active_ = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

MpiSession::~MpiSession() {
  if (!active_) return;
  finish_sends();
  int finalised = 0;
  MPI_Finalized(&finalised);
  if (!finalised) MPI_Finalize();
}

void MpiSession::broadcast(std::vector<long long>& values) const {
  if (!active_ || size_ == 1) return;
  long long n = static_cast<long long>(values.size());
  MPI_Bcast(&n, 1, MPI_LONG_LONG, 0, MPI_COMM_WORLD);
  values.resize(static_cast<std::size_t>(n));
  if (n > 0) MPI_Bcast(values.data(), static_cast<int>(n), MPI_LONG_LONG, 0, MPI_COMM_WORLD);
}

void MpiSession::send_task(int task, const std::string& bytes) {
  if (!active_) throw std::logic_error("send_task without MPI");
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) throw std::runtime_error("task file too large to send");
  // The task number travels in the first 4 bytes, the file after it.
  std::string message(sizeof(int), '\0');
  std::memcpy(message.data(), &task, sizeof(int));
  message += bytes;
  // Non-blocking, so the worker goes on with its next task while rank 0 is
  // busy with its own; the buffer lives until the send completes.
  auto pending = std::make_unique<PendingSend>();
  pending->buffer = std::move(message);
  MPI_Isend(pending->buffer.data(), static_cast<int>(pending->buffer.size()), MPI_BYTE, 0, kTaskTag, MPI_COMM_WORLD,
            &pending->request);
  sends_.push_back(std::move(pending));
  // Release the buffers of sends already delivered.
  std::erase_if(sends_, [](const std::unique_ptr<PendingSend>& p) {
    int done = 0;
    MPI_Test(&p->request, &done, MPI_STATUS_IGNORE);
    return done != 0;
  });
}

void MpiSession::finish_sends() {
  for (auto& p : sends_) MPI_Wait(&p->request, MPI_STATUS_IGNORE);
  sends_.clear();
}

bool MpiSession::receive_task(int& task, std::string& bytes, bool block) const {
  if (!active_) return false;
  MPI_Status status;
  for (;;) {
    int flag = 0;
    MPI_Iprobe(MPI_ANY_SOURCE, kTaskTag, MPI_COMM_WORLD, &flag, &status);
    if (flag) break;
    if (!block) return false;
    // Waiting without spinning (a blocking probe busy-polls a core the workers need).
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  int count = 0;
  MPI_Get_count(&status, MPI_BYTE, &count);
  std::string message(static_cast<std::size_t>(count), '\0');
  MPI_Recv(message.data(), count, MPI_BYTE, status.MPI_SOURCE, kTaskTag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  std::memcpy(&task, message.data(), sizeof(int));
  bytes = message.substr(sizeof(int));
  return true;
}

void MpiSession::abort(int code) const {
  if (active_) MPI_Abort(MPI_COMM_WORLD, code);
  std::exit(code);
}

}  // namespace pw
