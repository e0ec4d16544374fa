// sim/app/experiment: a results file is bit-identical whatever the thread count.
#include <H5Cpp.h>

#include <map>
#include <string>
#include <vector>

#include "sim/app/experiment/run_scenario.hpp"
#include "tests/test_support.hpp"

namespace {

// Every dataset under `group`, by path, as raw bytes in its file type
// (variable-length strings as their text, since their raw bytes are pointers).
void collect(const H5::Group& group, const std::string& prefix, std::map<std::string, std::string>& out) {
  for (hsize_t k = 0; k < group.getNumObjs(); ++k) {
    const std::string name = group.getObjnameByIdx(k);
    const std::string path = prefix + "/" + name;
    switch (group.childObjType(name)) {
      case H5O_TYPE_GROUP:
        collect(group.openGroup(name), path, out);
        break;
      case H5O_TYPE_DATASET: {
        const auto ds = group.openDataSet(name);
        const auto type = ds.getDataType();
        const auto space = ds.getSpace();
        const auto n = static_cast<std::size_t>(space.getSimpleExtentNpoints());
        std::string bytes;
        if (type.getClass() == H5T_STRING && ds.getStrType().isVariableStr()) {
          const H5::StrType st(H5::PredType::C_S1, H5T_VARIABLE);
          std::vector<char*> ptrs(n, nullptr);
          if (n > 0) ds.read(ptrs.data(), st);
          for (char* s : ptrs) {
            bytes += s != nullptr ? s : "";
            bytes.push_back('\0');
          }
          if (n > 0) H5Dvlen_reclaim(st.getId(), space.getId(), H5P_DEFAULT, ptrs.data());
        } else {
          bytes.resize(n * type.getSize());
          if (n > 0) ds.read(bytes.data(), type);
        }
        out[path] = std::move(bytes);
        break;
      }
      default:
        break;
    }
  }
}

std::map<std::string, std::string> datasets(const std::filesystem::path& file) {
  H5::Exception::dontPrint();
  const H5::H5File f(file.string(), H5F_ACC_RDONLY);
  std::map<std::string, std::string> out;
  collect(f.openGroup("/scenarios"), "/scenarios", out);
  return out;
}

}  // namespace

TEST_CASE("determinism: results files are bit-identical for 1, 2 and 4 threads", "[determinism][io]") {
  pwt::TempDir dir("threads");
  const int people = pwt::sized(20000, 12000);
  const auto scenario = dir.write("det.toml", "name = \"det\"\n[simulation]\npeople = " + std::to_string(people) +
                                                  "\nhorizon = \"104w\"\nreplicates = 2\nseed = 8675309\n"
                                                  "[population]\nprofile_file = \"" +
                                                  pwt::kProfilePath + "\"\n");
  std::map<int, std::map<std::string, std::string>> by_threads;
  for (int threads : {1, 2, 4}) {
    pw::RunOptions o;
    o.scenario = scenario;
    o.output = dir / ("det-" + std::to_string(threads) + ".h5");
    o.threads = threads;
    o.persons = pw::PersonsOutput::All;
    REQUIRE(pw::run_scenario(o) == o.output);
    by_threads[threads] = datasets(o.output);
  }
  const auto& ref = by_threads.at(1);
  // The comparison covers what matters: weekly counts, curves, group sizes and every person of both replicates.
  for (const char* must :
       {"/scenarios/det/weekly/arrests", "/scenarios/det/weekly/in_prison", "/scenarios/det/cumulative_pct/all/arrest",
        "/scenarios/det/cumulative_pct/female/return_prison", "/scenarios/det/group_size",
        "/scenarios/det/persons/replicate_0/frailty", "/scenarios/det/persons/replicate_1/first_arrest_week"}) {
    INFO(must);
    REQUIRE(ref.count(must) == 1);
    REQUIRE(!ref.at(must).empty());
  }
  REQUIRE(ref.size() > 100);
  for (int threads : {2, 4}) {
    const auto& other = by_threads.at(threads);
    INFO("threads " << threads);
    REQUIRE(other.size() == ref.size());
    for (const auto& [path, bytes] : ref) {
      INFO(path);
      REQUIRE(other.count(path) == 1);
      CHECK(other.at(path) == bytes);
    }
  }
  // The two replicates differ from each other (so the comparison is not trivially of constants).
  hsize_t rows = 0;
  {
    const H5::H5File f((dir / "det-1.h5").string(), H5F_ACC_RDONLY);
    const auto ds = f.openDataSet("/scenarios/det/weekly/offences");
    hsize_t dims[2] = {0, 0};
    ds.getSpace().getSimpleExtentDims(dims);
    rows = dims[0];
    REQUIRE(dims[1] == 104);
    std::vector<std::int64_t> v(dims[0] * dims[1]);
    ds.read(v.data(), H5::PredType::NATIVE_INT64);
    CHECK(std::vector<std::int64_t>(v.begin(), v.begin() + 104) != std::vector<std::int64_t>(v.begin() + 104, v.end()));
  }
  CHECK(rows == 2);
}
