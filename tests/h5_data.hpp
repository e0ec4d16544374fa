// Reads every dataset of an HDF5 file as raw bytes, keyed by path, so tests can
// check that two experiment files hold bit-identical data (attributes such as
// the git commit, and object timestamps, are deliberately left out).
#pragma once

#include <H5Cpp.h>

#include <filesystem>
#include <map>
#include <string>

#include "sim/app/io/h5_util.hpp"

namespace pwt {

inline void collect_datasets(const H5::Group& g, const std::string& path, std::map<std::string, std::string>& out) {
  for (hsize_t i = 0; i < g.getNumObjs(); ++i) {
    const std::string name = g.getObjnameByIdx(i);
    const std::string child = path + "/" + name;
    const auto type = g.childObjType(name);
    if (type == H5O_TYPE_GROUP) {
      collect_datasets(g.openGroup(name), child, out);
    } else if (type == H5O_TYPE_DATASET) {
      const auto ds = g.openDataSet(name);
      const auto dt = ds.getDataType();
      std::string bytes;
      if (dt.getClass() == H5T_STRING && ds.getStrType().isVariableStr()) {
        for (const auto& s : pw::h5::read_strings(g, name)) bytes += s + '\0';
      } else {
        const auto n = static_cast<std::size_t>(ds.getSpace().getSimpleExtentNpoints());
        bytes.assign(n * dt.getSize(), '\0');
        if (n > 0) ds.read(bytes.data(), dt);
      }
      out[child] = std::move(bytes);
    }
  }
}

inline std::map<std::string, std::string> dataset_bytes(const std::filesystem::path& file) {
  H5::Exception::dontPrint();
  const H5::H5File f(file.string(), H5F_ACC_RDONLY);
  std::map<std::string, std::string> out;
  collect_datasets(f.openGroup("/"), "", out);
  return out;
}

// Paths whose bytes differ, or that only one file has.
inline std::vector<std::string> differing_datasets(const std::filesystem::path& a, const std::filesystem::path& b) {
  const auto da = dataset_bytes(a), db = dataset_bytes(b);
  std::vector<std::string> diff;
  for (const auto& [k, v] : da) {
    const auto it = db.find(k);
    if (it == db.end() || it->second != v) diff.push_back(k);
  }
  for (const auto& [k, v] : db) {
    if (!da.count(k)) diff.push_back(k + " (only in " + b.string() + ")");
  }
  return diff;
}

}  // namespace pwt
