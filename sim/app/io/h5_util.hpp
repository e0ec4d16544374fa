// Small helpers over the HDF5 C++ API: string attributes, chunked compressed
// datasets, and reading them back. Shared by the writer and the summary reader.
#pragma once

#include <H5Cpp.h>

#include <cstdint>
#include <string>
#include <vector>

namespace pw::h5 {

void write_attr(H5::H5Object& obj, const std::string& name, const std::string& value);
void write_attr(H5::H5Object& obj, const std::string& name, std::int64_t value);
std::string read_string_attr(const H5::H5Object& obj, const std::string& name);
std::int64_t read_int_attr(const H5::H5Object& obj, const std::string& name);
void write_double_attr(H5::H5Object& obj, const std::string& name, double value);
double read_double_attr(const H5::H5Object& obj, const std::string& name);

// A 2-D [rows, cols] dataset, chunked by row and compressed.
H5::DataSet create_matrix(H5::Group& g, const std::string& name, const H5::PredType& type, hsize_t rows, hsize_t cols);
void write_row(H5::DataSet& ds, hsize_t row, const void* data, const H5::PredType& mem_type, hsize_t cols);
// A 1-D dataset, chunked and compressed.
void write_vector(H5::Group& g, const std::string& name, const H5::PredType& file_type, const H5::PredType& mem_type,
                  const void* data, hsize_t n, const std::string& description);
void write_strings(H5::Group& g, const std::string& name, const std::vector<std::string>& values);

// A 1-D dataset of variable-length strings.
std::vector<std::string> read_strings(const H5::Group& g, const std::string& name);
std::vector<double> read_matrix_double(const H5::DataSet& ds, hsize_t& rows, hsize_t& cols);
// Mean over the first `reps` rows of the [rows x cols] dataset `name` of g, per
// column (replicate means of a per-replicate table); zeros when no row is used.
std::vector<double> column_means(const H5::Group& g, const std::string& name, std::int64_t reps);
// A 1-D float64 dataset.
std::vector<double> read_vector_double(const H5::Group& g, const std::string& name);

}  // namespace pw::h5
