// The budget a comprehensive strategy (resolution para. 1) must respect.
//
// `budget.programmes_per_1000` caps what the scenario's programmes and
// problem-solving courts can spend over the horizon per 1,000 persons released,
// in US dollars at 2023 prices (0: no cap); like their places_per_1000, it means
// the same policy at any --people. It is checked at load, against the most the
// scenario can spend: every place filled every week of the horizon (post-release
// programmes and courts), and every pre-release place turned over for the
// whole pre-release window. A scenario over its budget is rejected before
// anything runs, with the figures; it is the planner's job to choose what to
// cut, so nothing is scaled silently.
#pragma once

#include "models/model_params.hpp"

namespace pw {

// The most the scenario's programmes and courts can spend over its horizon,
// per 1,000 persons released (USD 2023).
double planned_programme_spending_per_1000(const ModelParams& p);

}  // namespace pw
