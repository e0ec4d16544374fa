// Runs a phase over person-index ranges on a bounded set of worker threads.
//
// A Parallel object owns a tbb::task_arena, so the thread count is a property
// of one simulation, not of the process: several simulations with different
// thread counts can coexist. Results never depend on how ranges are split,
// because phases write only their own persons' rows and reductions are integer
// sums (associative and commutative).
//
// Under ThreadSanitizer (the tsan preset) each call tells the sanitizer the
// ordering TBB itself guarantees but does inside libtbb, which is not
// instrumented: what the caller did before the call happens before every
// range, and every range (and a reduction's join) happens before the call
// returns. Ranges get no ordering among themselves, so a race between two
// ranges of one phase is still reported.
#pragma once

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_reduce.h>
#include <tbb/task_arena.h>

#include <cstddef>

#if defined(__SANITIZE_THREAD__)
#include <sanitizer/tsan_interface.h>
#define PW_TSAN_RELEASE(addr) __tsan_release(addr)
#define PW_TSAN_ACQUIRE(addr) __tsan_acquire(addr)
#else
#define PW_TSAN_RELEASE(addr) ((void)(addr))
#define PW_TSAN_ACQUIRE(addr) ((void)(addr))
#endif

namespace pw {

class Parallel {
 public:
  // threads <= 0 means "all available cores".
  explicit Parallel(int threads) : arena_(threads > 0 ? threads : tbb::task_arena::automatic) {}

  [[nodiscard]] int threads() const { return arena_.max_concurrency(); }

  // fn(begin, end) over [0, n).
  template <class Fn>
  void for_ranges(std::size_t n, Fn&& fn) {
    char before = 0, after = 0;  // the two orderings, for ThreadSanitizer only
    PW_TSAN_RELEASE(&before);
    arena_.execute([&] {
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, kGrain), [&](const tbb::blocked_range<std::size_t>& r) {
        PW_TSAN_ACQUIRE(&before);
        fn(r.begin(), r.end());
        PW_TSAN_RELEASE(&after);
      });
    });
    PW_TSAN_ACQUIRE(&after);
  }

  // Sums fn(begin, end) -> Acc over [0, n). Acc must have operator+= and be
  // exact under reordering (integer counters, or lists whose order the caller
  // does not rely on), so results are deterministic. The running sum is
  // updated in place (never copied per range), so an Acc that holds growing
  // lists stays linear in their total size.
  template <class Acc, class Fn>
  Acc reduce_ranges(std::size_t n, Fn&& fn) {
    char before = 0, after = 0;  // the orderings, for ThreadSanitizer only
    struct Body {
      Fn* fn;
      char* before;
      char* after;
      Acc acc{};
      Body(Fn* f, char* b, char* a) : fn(f), before(b), after(a) {}
      Body(Body& other, tbb::split) : fn(other.fn), before(other.before), after(other.after) {}
      void operator()(const tbb::blocked_range<std::size_t>& r) {
        PW_TSAN_ACQUIRE(before);
        acc += (*fn)(r.begin(), r.end());
        PW_TSAN_RELEASE(after);
      }
      void join(Body& rhs) {
        PW_TSAN_ACQUIRE(after);  // rhs's ranges are done
        acc += rhs.acc;
        PW_TSAN_RELEASE(after);
      }
    };
    Body body(&fn, &before, &after);
    PW_TSAN_RELEASE(&before);
    arena_.execute([&] { tbb::parallel_reduce(tbb::blocked_range<std::size_t>(0, n, kGrain), body); });
    PW_TSAN_ACQUIRE(&after);
    return std::move(body.acc);
  }

 private:
  static constexpr std::size_t kGrain = 4096;
  tbb::task_arena arena_;
};

}  // namespace pw
