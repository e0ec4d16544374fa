// The Saltelli design: A, AB_1..AB_d, B per base row (see saltelli.hpp).
#include "sim/engine/methods/saltelli.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "sim/engine/methods/designs.hpp"

namespace pw::methods {

SaltelliRole SaltelliDesign::role(std::size_t run) const {
  if (run >= runs()) throw std::out_of_range(fmt::format("Saltelli run {} of {}", run, runs()));
  const std::size_t j = run / runs_per_row();
  const std::size_t k = run % runs_per_row();
  if (k == 0) return {SaltelliMatrix::A, j, -1};
  if (k == dimensions + 1) return {SaltelliMatrix::B, j, -1};
  return {SaltelliMatrix::AB, j, static_cast<int>(k - 1)};
}

SaltelliDesign saltelli_design(std::size_t base_rows, std::size_t d, std::uint64_t skip) {
  if (base_rows < 2) throw std::invalid_argument("saltelli_design: needs at least 2 base rows");
  if (d == 0) throw std::invalid_argument("saltelli_design: needs at least one dimension");
  if (2 * d > sobol_max_dimension())
    throw std::invalid_argument(
        fmt::format("saltelli_design: {} dimensions need a {}-dimensional Sobol sequence; "
                    "the table supports {}",
                    d, 2 * d, sobol_max_dimension()));
  const Design base = sobol_points(base_rows, 2 * d, skip);
  SaltelliDesign design;
  design.base_rows = base_rows;
  design.dimensions = d;
  design.skip = skip;
  design.points.resize(design.runs());
  for (std::size_t j = 0; j < base_rows; ++j) {
    const Point a(base[j].begin(), base[j].begin() + static_cast<std::ptrdiff_t>(d));
    const Point b(base[j].begin() + static_cast<std::ptrdiff_t>(d), base[j].end());
    design.points[design.run_a(j)] = a;
    design.points[design.run_b(j)] = b;
    for (std::size_t i = 0; i < d; ++i) {
      Point ab = a;
      ab[i] = b[i];
      design.points[design.run_ab(j, i)] = std::move(ab);
    }
  }
  return design;
}

SaltelliDesign saltelli_design(std::size_t base_rows, std::size_t d) {
  std::uint64_t skip = 1;
  while (skip < base_rows) skip *= 2;
  return saltelli_design(base_rows, d, skip);
}

}  // namespace pw::methods
