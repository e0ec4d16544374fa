#include "sim/app/io/h5_util.hpp"

#include <algorithm>

namespace pw::h5 {

void write_attr(H5::H5Object& obj, const std::string& name, const std::string& value) {
  const H5::StrType type(H5::PredType::C_S1, std::max<std::size_t>(value.size(), 1));
  auto a = obj.createAttribute(name, type, H5::DataSpace(H5S_SCALAR));
  a.write(type, value.empty() ? std::string(" ").c_str() : value.c_str());
}

void write_attr(H5::H5Object& obj, const std::string& name, std::int64_t value) {
  auto a = obj.createAttribute(name, H5::PredType::STD_I64LE, H5::DataSpace(H5S_SCALAR));
  a.write(H5::PredType::NATIVE_INT64, &value);
}

std::string read_string_attr(const H5::H5Object& obj, const std::string& name) {
  const auto a = obj.openAttribute(name);
  std::string s;
  a.read(a.getStrType(), s);
  return s;
}

void write_double_attr(H5::H5Object& obj, const std::string& name, double value) {
  auto a = obj.createAttribute(name, H5::PredType::IEEE_F64LE, H5::DataSpace(H5S_SCALAR));
  a.write(H5::PredType::NATIVE_DOUBLE, &value);
}

double read_double_attr(const H5::H5Object& obj, const std::string& name) {
  const auto a = obj.openAttribute(name);
  double v = 0;
  a.read(H5::PredType::NATIVE_DOUBLE, &v);
  return v;
}

std::int64_t read_int_attr(const H5::H5Object& obj, const std::string& name) {
  const auto a = obj.openAttribute(name);
  std::int64_t v = 0;
  a.read(H5::PredType::NATIVE_INT64, &v);
  return v;
}

H5::DataSet create_matrix(H5::Group& g, const std::string& name, const H5::PredType& type, hsize_t rows, hsize_t cols) {
  const hsize_t dims[2] = {rows, std::max<hsize_t>(cols, 1)};
  H5::DSetCreatPropList plist;
  const hsize_t chunk[2] = {1, dims[1]};
  plist.setChunk(2, chunk);
  plist.setShuffle();
  plist.setDeflate(4);
  return g.createDataSet(name, type, H5::DataSpace(2, dims), plist);
}

void write_row(H5::DataSet& ds, hsize_t row, const void* data, const H5::PredType& mem_type, hsize_t cols) {
  if (cols == 0) return;
  auto space = ds.getSpace();
  const hsize_t start[2] = {row, 0}, count[2] = {1, cols};
  space.selectHyperslab(H5S_SELECT_SET, count, start);
  const H5::DataSpace mem(2, count);
  ds.write(data, mem_type, mem, space);
}

void write_vector(H5::Group& g, const std::string& name, const H5::PredType& file_type, const H5::PredType& mem_type,
                  const void* data, hsize_t n, const std::string& description) {
  const hsize_t dims[1] = {n};
  H5::DSetCreatPropList plist;
  if (n > 0) {
    const hsize_t chunk[1] = {std::min<hsize_t>(n, 65536)};
    plist.setChunk(1, chunk);
    plist.setShuffle();
    plist.setDeflate(4);
  }
  auto ds = g.createDataSet(name, file_type, H5::DataSpace(1, dims), plist);
  if (n > 0) ds.write(data, mem_type);
  if (!description.empty()) write_attr(ds, "description", description);
}

void write_strings(H5::Group& g, const std::string& name, const std::vector<std::string>& values) {
  const H5::StrType type(H5::PredType::C_S1, H5T_VARIABLE);
  const hsize_t dims[1] = {values.size()};
  auto ds = g.createDataSet(name, type, H5::DataSpace(1, dims));
  std::vector<const char*> ptrs;
  for (const auto& v : values) ptrs.push_back(v.c_str());
  if (!ptrs.empty()) ds.write(ptrs.data(), type);
}

std::vector<std::string> read_strings(const H5::Group& g, const std::string& name) {
  const auto ds = g.openDataSet(name);
  hsize_t n = 0;
  ds.getSpace().getSimpleExtentDims(&n);
  std::vector<char*> ptrs(n, nullptr);
  const H5::StrType type(H5::PredType::C_S1, H5T_VARIABLE);
  if (n > 0) ds.read(ptrs.data(), type);
  std::vector<std::string> out(ptrs.begin(), ptrs.end());
  H5Dvlen_reclaim(type.getId(), ds.getSpace().getId(), H5P_DEFAULT, ptrs.data());
  return out;
}

std::vector<double> read_matrix_double(const H5::DataSet& ds, hsize_t& rows, hsize_t& cols) {
  const auto space = ds.getSpace();
  hsize_t dims[2] = {0, 0};
  space.getSimpleExtentDims(dims);
  rows = dims[0];
  cols = dims[1];
  std::vector<double> v(rows * cols);
  if (!v.empty()) ds.read(v.data(), H5::PredType::NATIVE_DOUBLE);
  return v;
}

std::vector<double> column_means(const H5::Group& g, const std::string& name, std::int64_t reps) {
  hsize_t rows = 0, cols = 0;
  const auto m = read_matrix_double(g.openDataSet(name), rows, cols);
  std::vector<double> out(cols, 0.0);
  const auto used = std::min<hsize_t>(rows, static_cast<hsize_t>(std::max<std::int64_t>(reps, 0)));
  for (hsize_t r = 0; r < used; ++r) {
    for (hsize_t c = 0; c < cols; ++c) out[c] += m[r * cols + c];
  }
  for (auto& v : out) v = used > 0 ? v / static_cast<double>(used) : 0.0;
  return out;
}

std::vector<double> read_vector_double(const H5::Group& g, const std::string& name) {
  const auto ds = g.openDataSet(name);
  const auto space = ds.getSpace();
  std::vector<double> v(static_cast<std::size_t>(space.getSimpleExtentNpoints()));
  if (!v.empty()) ds.read(v.data(), H5::PredType::NATIVE_DOUBLE);
  return v;
}

}  // namespace pw::h5
