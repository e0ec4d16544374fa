// The Saltelli design for variance-based (Sobol) sensitivity indices.
//
// From N base rows of a 2d-dimensional Sobol sequence, the first d columns form
// matrix A and the last d form matrix B (both N x d). For i = 1..d, AB_i is A
// with column i taken from B. The model is run at every row of A, B and each
// AB_i: N (d + 2) runs in all (Saltelli et al. 2010, Comput Phys Commun
// 181:259). Runs are grouped by base row: base row j occupies runs
// j (d + 2) ... j (d + 2) + d + 1 in the order A_j, AB_1j, ..., AB_dj, B_j, so a
// sweep stopped after whole groups still holds complete base rows.
// Pure function of its arguments. Runs once, when a Sobol sweep is set up;
// sobol_indices() (sobol_indices.hpp) analyses the outputs.
#pragma once

#include <cstddef>
#include <cstdint>

#include "sim/engine/methods/dimension.hpp"

namespace pw::methods {

// Which matrix a run of a Saltelli design belongs to.
enum class SaltelliMatrix { A, B, AB };

// The role of one run: its matrix, its base row j in [0, N) and, for AB, the
// dimension i in [0, d) whose column came from B (0-based; column = -1 for A, B).
struct SaltelliRole {
  SaltelliMatrix matrix;
  std::size_t base_row;
  int column;
};

struct SaltelliDesign {
  std::size_t base_rows = 0;   // N
  std::size_t dimensions = 0;  // d
  std::uint64_t skip = 0;      // index of the first Sobol point used
  Design points;               // N (d + 2) unit points, in run order (see above)

  [[nodiscard]] std::size_t runs() const { return base_rows * (dimensions + 2); }
  [[nodiscard]] std::size_t runs_per_row() const { return dimensions + 2; }
  // Run index of A_j, B_j and AB_i,j (i 0-based).
  [[nodiscard]] std::size_t run_a(std::size_t j) const { return j * runs_per_row(); }
  [[nodiscard]] std::size_t run_b(std::size_t j) const { return j * runs_per_row() + dimensions + 1; }
  [[nodiscard]] std::size_t run_ab(std::size_t j, std::size_t i) const { return j * runs_per_row() + 1 + i; }
  // The role of run r in [0, runs()).
  [[nodiscard]] SaltelliRole role(std::size_t run) const;
};

// The Saltelli design with N = base_rows rows in d dimensions, from Sobol
// points skip .. skip + N - 1 of the 2d-dimensional sequence (sobol_points).
// Use powers of two for N and skip to keep the Sobol balance. Throws
// std::invalid_argument if base_rows < 2, d == 0 or 2d exceeds the Sobol table.
[[nodiscard]] SaltelliDesign saltelli_design(std::size_t base_rows, std::size_t d, std::uint64_t skip);

// As above with skip = the smallest power of two >= base_rows: a balanced
// block of the sequence when N is a power of two, which also avoids the origin
// (where A_0 = B_0 and the row carries no information).
[[nodiscard]] SaltelliDesign saltelli_design(std::size_t base_rows, std::size_t d);

}  // namespace pw::methods
