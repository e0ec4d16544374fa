#include "viz/network_snapshot.hpp"

#include <H5Cpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace pw::viz {

namespace {

template <typename T>
std::vector<T> read_column(const H5::Group& g, const char* name, const H5::PredType& mem_type) {
  if (!g.nameExists(name)) throw std::runtime_error(fmt::format("no dataset '{}'", name));
  const auto ds = g.openDataSet(name);
  const auto space = ds.getSpace();
  if (space.getSimpleExtentNdims() != 1) throw std::runtime_error(fmt::format("'{}' is not 1-D", name));
  hsize_t n = 0;
  space.getSimpleExtentDims(&n);
  std::vector<T> v(n);
  if (n > 0) ds.read(v.data(), mem_type);
  return v;
}

}  // namespace

TieSource NetworkSnapshot::source() const {
  TieSource s;
  s.people = people;
  s.out_ties = [this](std::uint32_t v, std::vector<TieRecord>& out) {
    if (v >= people) return;
    out.insert(out.end(), ties.begin() + first[v], ties.begin() + first[v + 1]);
  };
  s.node = [this](std::uint32_t v) {
    NodeProps p;
    if (v < node_kind.size()) p.kind = static_cast<NodeKind>(node_kind[v]);
    if (v < node_neighbourhood.size()) p.neighbourhood = node_neighbourhood[v];
    return p;
  };
  return s;
}

std::vector<int> snapshot_weeks(const std::filesystem::path& file, const std::string& scenario) {
  H5::Exception::dontPrint();
  std::vector<int> weeks;
  try {
    const H5::H5File f(file.string(), H5F_ACC_RDONLY);
    const std::string path = "scenarios/" + scenario + "/network_snapshots";
    if (H5Lexists(f.getId(), "scenarios", H5P_DEFAULT) <= 0 ||
        H5Lexists(f.getId(), ("scenarios/" + scenario).c_str(), H5P_DEFAULT) <= 0 ||
        H5Lexists(f.getId(), path.c_str(), H5P_DEFAULT) <= 0) {
      return weeks;
    }
    const auto g = f.openGroup(path);
    for (hsize_t k = 0; k < g.getNumObjs(); ++k) {
      const std::string name = g.getObjnameByIdx(k);
      if (name.rfind("week_", 0) != 0) continue;
      try {
        weeks.push_back(std::stoi(name.substr(5)));
      } catch (const std::exception&) {
      }
    }
  } catch (const H5::Exception& e) {
    throw std::runtime_error(fmt::format("{}: cannot read network snapshots: {}", file.string(), e.getDetailMsg()));
  }
  std::sort(weeks.begin(), weeks.end());
  return weeks;
}

int snapshot_at_or_before(const std::vector<int>& weeks, int week) {
  int found = -1;
  for (int w : weeks) {
    if (w <= week) found = w;
  }
  return found;
}

NetworkSnapshot read_network_snapshot(const std::filesystem::path& file, const std::string& scenario, int week,
                                      std::size_t people) {
  H5::Exception::dontPrint();
  const std::string path = fmt::format("scenarios/{}/network_snapshots/week_{}", scenario, week);
  NetworkSnapshot snap;
  snap.week = week;
  snap.people = people;
  try {
    const H5::H5File f(file.string(), H5F_ACC_RDONLY);
    if (H5Lexists(f.getId(), path.c_str(), H5P_DEFAULT) <= 0) throw std::runtime_error("no such group");
    const auto g = f.openGroup(path);
    const auto source = read_column<std::uint32_t>(g, "source", H5::PredType::NATIVE_UINT32);
    const auto target = read_column<std::uint32_t>(g, "target", H5::PredType::NATIVE_UINT32);
    const auto type = read_column<std::uint8_t>(g, "type", H5::PredType::NATIVE_UINT8);
    const auto strength = read_column<float>(g, "strength", H5::PredType::NATIVE_FLOAT);
    const auto formed = read_column<std::int16_t>(g, "formed_week", H5::PredType::NATIVE_INT16);
    snap.node_kind = read_column<std::uint8_t>(g, "node_kind", H5::PredType::NATIVE_UINT8);
    snap.node_neighbourhood = read_column<std::uint16_t>(g, "node_neighbourhood", H5::PredType::NATIVE_UINT16);
    const std::size_t n = source.size();
    if (target.size() != n || type.size() != n || strength.size() != n || formed.size() != n) {
      throw std::runtime_error("the tie columns differ in length");
    }
    if (snap.node_kind.size() < people) throw std::runtime_error("fewer nodes than released persons");
    // Counting sort by source vertex (stable: keeps the stored order within a person).
    snap.first.assign(people + 1, 0);
    for (std::size_t e = 0; e < n; ++e) {
      if (source[e] >= people || target[e] >= snap.node_kind.size() || type[e] >= kTieTypes) {
        throw std::runtime_error(fmt::format("tie {} is out of range", e));
      }
      ++snap.first[source[e] + 1];
    }
    for (std::size_t v = 0; v < people; ++v) snap.first[v + 1] += snap.first[v];
    snap.ties.resize(n);
    std::vector<std::uint32_t> next(snap.first.begin(), snap.first.end() - 1);
    for (std::size_t e = 0; e < n; ++e) {
      snap.ties[next[source[e]]++] = {target[e], static_cast<TieType>(type[e]), strength[e], formed[e]};
    }
  } catch (const H5::Exception& e) {
    throw std::runtime_error(fmt::format("{}: /{}: cannot read: {}", file.string(), path, e.getDetailMsg()));
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(fmt::format("{}: /{}: {}", file.string(), path, e.what()));
  }
  return snap;
}

}  // namespace pw::viz
