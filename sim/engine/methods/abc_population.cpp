// Summaries of an ABC population, and stop reasons as text (see abc.hpp).
#include <cmath>

#include "sim/engine/methods/abc.hpp"
#include "sim/engine/methods/weighted_stats.hpp"

namespace pw::methods {
namespace {

// Column i of the samples.
std::vector<double> column(const std::vector<Point>& samples, std::size_t i) {
  std::vector<double> values(samples.size());
  for (std::size_t k = 0; k < samples.size(); ++k) values[k] = samples[k].at(i);
  return values;
}

std::size_t width(const std::vector<Point>& samples) { return samples.empty() ? 0 : samples.front().size(); }

}  // namespace

Point AbcPopulation::mean() const {
  Point m(width(samples));
  for (std::size_t i = 0; i < m.size(); ++i) m[i] = weighted_mean(column(samples, i), weights);
  return m;
}

Point AbcPopulation::sd() const {
  Point s(width(samples));
  for (std::size_t i = 0; i < s.size(); ++i) s[i] = std::sqrt(weighted_variance(column(samples, i), weights));
  return s;
}

Point AbcPopulation::quantile(double q) const {
  Point x(width(samples));
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = weighted_quantile(column(samples, i), weights, q);
  return x;
}

double AbcPopulation::ess() const { return effective_sample_size(weights); }

std::string to_string(AbcStop stop) {
  switch (stop) {
    case AbcStop::Rejection:
      return "rejection ABC (single step)";
    case AbcStop::MaxGenerations:
      return "maximum number of generations reached";
    case AbcStop::ToleranceTarget:
      return "target tolerance reached";
    case AbcStop::MinAcceptanceRate:
      return "acceptance rate fell below the minimum (last generation abandoned)";
    case AbcStop::ToleranceStalled:
      return "adaptive tolerance stopped decreasing";
    case AbcStop::MaxEvaluations:
      return "total budget of evaluations reached (last generation abandoned)";
    case AbcStop::MoveAcceptance:
      return "move acceptance rate fell below the minimum (last generation kept)";
    case AbcStop::MoveBudget:
      return "total budget of evaluations reached during the moves (last generation kept)";
  }
  return "unknown";
}

std::string to_string(AbcKernel kernel) { return kernel == AbcKernel::Olcm ? "olcm" : "global"; }

}  // namespace pw::methods
