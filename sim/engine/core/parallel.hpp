// Runs a phase over person-index ranges on a bounded set of worker threads.
//
// A Parallel object owns a tbb::task_arena, so the thread count is a property
// of one simulation, not of the process: several simulations with different
// thread counts can coexist. Results never depend on how ranges are split,
// because phases write only their own persons' rows and reductions are integer
// sums (associative and commutative).
#pragma once

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_reduce.h>
#include <tbb/task_arena.h>

#include <cstddef>

namespace pw {

class Parallel {
 public:
  // threads <= 0 means "all available cores".
  explicit Parallel(int threads) : arena_(threads > 0 ? threads : tbb::task_arena::automatic) {}

  [[nodiscard]] int threads() const { return arena_.max_concurrency(); }

  // fn(begin, end) over [0, n).
  template <class Fn>
  void for_ranges(std::size_t n, Fn&& fn) {
    arena_.execute([&] {
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, kGrain),
                        [&](const tbb::blocked_range<std::size_t>& r) { fn(r.begin(), r.end()); });
    });
  }

  // Sums fn(begin, end) -> Acc over [0, n). Acc must have operator+= and be
  // exact under reordering (integer counters, or lists whose order the caller
  // does not rely on), so results are deterministic. The running sum is
  // updated in place (never copied per range), so an Acc that holds growing
  // lists stays linear in their total size.
  template <class Acc, class Fn>
  Acc reduce_ranges(std::size_t n, Fn&& fn) {
    struct Body {
      Fn* fn;
      Acc acc{};
      Body(Fn* f) : fn(f) {}
      Body(Body& other, tbb::split) : fn(other.fn) {}
      void operator()(const tbb::blocked_range<std::size_t>& r) { acc += (*fn)(r.begin(), r.end()); }
      void join(Body& rhs) { acc += rhs.acc; }
    };
    Body body(&fn);
    arena_.execute([&] { tbb::parallel_reduce(tbb::blocked_range<std::size_t>(0, n, kGrain), body); });
    return std::move(body.acc);
  }

 private:
  static constexpr std::size_t kGrain = 4096;
  tbb::task_arena arena_;
};

}  // namespace pw
