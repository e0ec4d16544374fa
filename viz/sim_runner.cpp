#include "viz/sim_runner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "models/costs/costs.hpp"
#include "models/simulation.hpp"
#include "models/simulation_levers.hpp"
#include "sim/engine/core/parallel.hpp"

namespace pw::viz {

namespace {

// Collects the value of one path while visiting a parameter struct.
struct ValueFinder {
  const std::string& path;
  std::string prefix;
  ParamValue* out = nullptr;
  bool found = false;
  bool match(const Param& p) const { return prefix + std::string(p.path) == path; }
  void operator()(double& m, const Param& p) {
    if (match(p)) {
      *out = m;
      found = true;
    }
  }
  void operator()(int& m, const Param& p) {
    if (match(p)) {
      *out = static_cast<long long>(m);
      found = true;
    }
  }
  void operator()(bool& m, const Param& p) {
    if (match(p)) {
      *out = m;
      found = true;
    }
  }
  void operator()(std::string& m, const Param& p) {
    if (match(p)) {
      *out = m;
      found = true;
    }
  }
};

bool is_programme_path(const std::string& path, std::string& name, std::string& key) {
  if (path.rfind("programme[", 0) != 0) return false;
  const auto close = path.find("].");
  if (close == std::string::npos) return false;
  name = path.substr(10, close - 10);
  key = path.substr(close + 2);
  return true;
}

// Validates and sets one parameter of `p` (programme keys as "programme[NAME].key");
// "" or why not. `pre_release`: the path names a key of a pre-release programme.
std::string assign(ModelParams& p, const std::string& path, const ParamValue& value, bool& pre_release) {
  std::string name, key;
  std::string why;
  if (is_programme_path(path, name, key)) {
    auto it =
        std::find_if(p.programmes.begin(), p.programmes.end(), [&](const ProgrammeSpec& s) { return s.name == name; });
    if (it == p.programmes.end()) return path + ": no such programme";
    pre_release = it->phase == "pre_release";
    const ParamTable table(*it);
    const ParamSlot* slot = table.find(key);
    if (slot == nullptr) return path + ": unknown programme key";
    why = check_value(slot->info, value);
    if (why.empty()) slot->set(value);
  } else {
    const ParamTable table(p);
    const ParamSlot* slot = table.find(path);
    if (slot == nullptr) return path + ": unknown parameter";
    why = check_value(slot->info, value);
    if (why.empty()) slot->set(value);
  }
  return why.empty() ? "" : path + ": " + why;
}

}  // namespace

bool current_value(const ModelParams& params, const std::string& path, ParamValue& out) {
  ModelParams copy = params;
  std::string name, key;
  if (is_programme_path(path, name, key)) {
    for (auto& spec : copy.programmes) {
      if (spec.name != name) continue;
      ValueFinder f{path, "programme[" + name + "].", &out};
      spec.visit(f);
      return f.found;
    }
    return false;
  }
  ValueFinder f{path, "", &out};
  copy.visit(f);
  return f.found;
}

SimRunner::SimRunner(RunnerConfig config) : config_(std::move(config)) {
  params_ = config_.scenario.params;
  built_params_ = params_;
  seed_ = params_.run.seed;
  status_.horizon = params_.run.horizon_weeks();
  status_.seed = seed_;
  thread_ = std::thread([this] { worker(); });
}

SimRunner::~SimRunner() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void SimRunner::set_playing(bool playing) {
  {
    std::lock_guard lock(mutex_);
    playing_ = playing;
    status_.playing = playing;
  }
  wake_.notify_all();
}

void SimRunner::step_once() {
  {
    std::lock_guard lock(mutex_);
    ++step_requests_;
  }
  wake_.notify_all();
}

void SimRunner::set_speed(double wps) {
  std::lock_guard lock(mutex_);
  weeks_per_second_ = wps;
}

void SimRunner::reset(int seed) {
  {
    std::lock_guard lock(mutex_);
    seed_ = seed;
    rebuild_ = true;
    pending_.clear();
    step_requests_ = 0;
    status_.building = true;
  }
  wake_.notify_all();
}

bool SimRunner::change_due() const {
  return std::any_of(pending_.begin(), pending_.end(), [&](const Pending& c) { return c.week <= status_.week; });
}

ModelParams SimRunner::built_params() const {
  std::lock_guard lock(mutex_);
  return built_params_;
}

std::string SimRunner::change(const std::string& path, const ParamValue& value, const std::string& label, int at_week) {
  std::lock_guard lock(mutex_);
  ModelParams candidate = params_;
  bool pre_release = false;
  if (auto why = assign(candidate, path, value, pre_release); !why.empty()) return why;
  if (lever_rule(path, pre_release).timing == LeverTiming::Live) {
    // params_ follows when the worker applies it (now, or at `at_week`).
    pending_.push_back({path, label, value, at_week});
    wake_.notify_all();
  } else {
    params_ = std::move(candidate);
    status_.restart_pending = true;
  }
  return "";
}

void SimRunner::request_weeks(int week) {
  {
    std::lock_guard lock(mutex_);
    step_requests_ = std::max(step_requests_, week - status_.week);
  }
  wake_.notify_all();
}

void SimRunner::advance_to(int week) {
  std::unique_lock lock(mutex_);
  step_requests_ = std::max(step_requests_, week - status_.week);
  wake_.notify_all();
  progressed_.wait(lock, [&] {
    return !status_.error.empty() ||
           (!status_.building && (status_.week >= std::min(week, status_.horizon) || status_.finished));
  });
  step_requests_ = 0;
}

void SimRunner::wait_built() {
  std::unique_lock lock(mutex_);
  progressed_.wait(lock, [&] { return !status_.building || !status_.error.empty(); });
}

bool SimRunner::copy_if_newer(RunData& out) const {
  std::lock_guard lock(mutex_);
  if (out.version == data_.version && !out.series.empty()) return false;
  out = data_;
  return true;
}

RunnerStatus SimRunner::status() const {
  std::lock_guard lock(mutex_);
  return status_;
}

ModelParams SimRunner::params() const {
  std::lock_guard lock(mutex_);
  return params_;
}

void SimRunner::track_person(std::uint32_t id) {
  {
    std::lock_guard lock(mutex_);
    track_requests_.push_back(id);
  }
  wake_.notify_all();
}

bool SimRunner::person_history(std::uint32_t id, PersonHistory& out) const {
  std::lock_guard lock(mutex_);
  if (!persons_) return false;
  const auto it = persons_->histories().find(id);
  if (it == persons_->histories().end()) return false;
  out = it->second;
  return true;
}

std::vector<PersonFacts> SimRunner::sample_facts() const {
  std::lock_guard lock(mutex_);
  std::vector<PersonFacts> f;
  if (!persons_) return f;
  for (const auto& [id, h] : persons_->histories()) {
    if (h.first_week == 0) f.push_back(h.facts);
  }
  return f;
}

void SimRunner::show_ego(std::uint32_t id) {
  {
    std::lock_guard lock(mutex_);
    if (ego_person_ == static_cast<std::int64_t>(id)) return;
    ego_person_ = id;
    ego_stale_ = true;
  }
  wake_.notify_all();
}

bool SimRunner::ego_network(EgoNetwork& out) const {
  std::lock_guard lock(mutex_);
  if (!ego_.valid) return false;
  out = ego_;
  return true;
}

void SimRunner::refresh_ego() {
  std::int64_t id = -1;
  {
    std::lock_guard lock(mutex_);
    id = ego_person_;
    ego_stale_ = false;
  }
  if (sims_.empty() || id < 0 || static_cast<std::size_t>(id) >= sims_[0]->population().size()) return;
  EgoNetwork ego = extract_ego(*sims_[0], static_cast<std::uint32_t>(id), true);
  std::lock_guard lock(mutex_);
  ego_ = std::move(ego);
}

void SimRunner::build() {
  const auto start = std::chrono::steady_clock::now();
  ModelParams p;
  {
    std::lock_guard lock(mutex_);
    params_.run.seed = seed_;
    p = params_;
    built_params_ = params_;
    rebuild_ = false;
    status_.building = true;
  }
  sims_.clear();
  if (!par_) par_ = std::make_unique<Parallel>(config_.threads);
  for (int r = 0; r < config_.replicates; ++r) {
    sims_.push_back(std::make_unique<Simulation>(p, *config_.profile, static_cast<std::uint32_t>(r), *par_));
  }
  auto recorder = std::make_unique<PersonRecorder>(*sims_[0]);
  std::lock_guard lock(mutex_);
  persons_ = std::move(recorder);
  data_.name = config_.scenario.meta.name;
  data_.description = config_.scenario.meta.description;
  data_.series = series_catalog(p.programmes);
  data_.horizon = p.run.horizon_weeks();
  data_.people = p.run.people;
  data_.seed = p.run.seed;
  data_.replicates = config_.replicates;
  data_.weeks_done = 0;
  data_.values.assign(static_cast<std::size_t>(config_.replicates),
                      std::vector<std::vector<float>>(data_.series.size()));
  data_.events.clear();
  ++data_.version;
  status_ = RunnerStatus{};
  status_.horizon = data_.horizon;
  status_.seed = seed_;
  status_.playing = playing_;
  status_.building = false;
  status_.build_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ego_ = EgoNetwork{};
  ego_stale_ = true;
  progressed_.notify_all();
}

void SimRunner::step_all() {
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::vector<float>> rows(sims_.size());
  for (std::size_t r = 0; r < sims_.size(); ++r) {
    Simulation& sim = *sims_[r];
    const WeekCounts counts = sim.step();
    const auto programme_cost = programme_costs_by_week(sim);
    const CostSeries cost = compute_costs({counts}, sim.params().costs, {programme_cost.back()});
    const auto& j = sim.justice();
    LiveWeek w{sim, counts, cost, static_cast<long long>(sim.population().size())};
    for (std::size_t i = 0; i < j.size(); ++i) {
      w.ever_arrested += j.first_arrest_week[i] != kNever;
      w.ever_convicted += j.first_conviction_week[i] != kNever;
      w.ever_returned += j.first_return_week[i] != kNever;
    }
    for (const auto& s : data_.series) rows[r].push_back(static_cast<float>(s.live(w)));
  }
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::lock_guard lock(mutex_);
  if (persons_) persons_->record(*sims_[0]);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t s = 0; s < rows[r].size(); ++s) data_.values[r][s].push_back(rows[r][s]);
  }
  data_.weeks_done = sims_[0]->week();
  ++data_.version;
  status_.week = sims_[0]->week();
  status_.finished = sims_[0]->finished();
  status_.ms_per_week = ms;
  progressed_.notify_all();
}

void SimRunner::worker() {
  // The UI thread comes first: the simulation thread (and the arena threads it
  // starts from here) runs at a lower priority, so drawing stays smooth while
  // the weeks run as fast as the rest of the machine allows.
  setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 4);
  using clock = std::chrono::steady_clock;
  auto next_step = clock::now();
  while (true) {
    std::vector<Pending> changes;
    std::vector<std::uint32_t> tracks;
    bool do_step = false;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] {
        const bool can_step = !status_.finished && (playing_ || step_requests_ > 0);
        return stop_ || rebuild_ || can_step || change_due() || !track_requests_.empty() || ego_stale_;
      });
      if (stop_) return;
      if (rebuild_) {
        lock.unlock();
        try {
          build();
        } catch (const std::exception& e) {
          std::lock_guard l2(mutex_);
          status_.error = e.what();
          status_.building = false;
          progressed_.notify_all();
          return;
        }
        next_step = clock::now();
        continue;
      }
      // Changes due now; scheduled ones (a later week) stay pending.
      std::vector<Pending> later;
      for (auto& c : pending_) (c.week <= status_.week ? changes : later).push_back(std::move(c));
      pending_.swap(later);
      tracks.swap(track_requests_);
      do_step = !status_.finished && (playing_ || step_requests_ > 0);
      if (step_requests_ > 0 && do_step) --step_requests_;
      if (playing_ && weeks_per_second_ > 0 && do_step && step_requests_ == 0) {
        // Throttle to the chosen speed; wake early for any command.
        if (clock::now() < next_step) {
          wake_.wait_until(lock, next_step, [&] { return stop_ || rebuild_ || change_due() || !playing_; });
          if (stop_) return;
          if (rebuild_ || !playing_) do_step = false;
          std::vector<Pending> later;
          for (auto& c : pending_) (c.week <= status_.week ? changes : later).push_back(std::move(c));
          pending_.swap(later);
        }
        next_step = std::max(next_step, clock::now() - std::chrono::milliseconds(200)) +
                    std::chrono::microseconds(static_cast<long long>(1e6 / weeks_per_second_));
      }
    }
    for (const auto& c : changes) {
      try {
        for (auto& sim : sims_) sim->set_parameter(c.path, c.value);
        std::lock_guard lock(mutex_);
        bool pre_release = false;
        assign(params_, c.path, c.value, pre_release);
        data_.events.push_back({sims_.empty() ? 0 : sims_[0]->week(), c.path, c.value, c.label});
        ++data_.version;
      } catch (const std::exception& e) {
        std::lock_guard lock(mutex_);
        status_.error = e.what();
      }
    }
    if (!tracks.empty()) {
      std::lock_guard lock(mutex_);
      for (auto id : tracks) persons_->track(id, *sims_[0]);
    }
    if (do_step) step_all();
    refresh_ego();
  }
}

}  // namespace pw::viz
