#include "sim/app/io/h5_failure.hpp"

#include <iostream>

namespace pw::h5 {

H5FailureCapture::H5FailureCapture() {
  H5Eget_auto2(H5E_DEFAULT, &old_func_, &old_data_);
  H5Eset_auto2(H5E_DEFAULT, &H5FailureCapture::record, this);
  old_cerr_ = std::cerr.rdbuf(&discard_);
}

H5FailureCapture::~H5FailureCapture() {
  std::cerr.rdbuf(old_cerr_);
  H5Eset_auto2(H5E_DEFAULT, old_func_, old_data_);
}

herr_t H5FailureCapture::record(hid_t stack, void* self) {
  auto* me = static_cast<H5FailureCapture*>(self);
  if (me->captured_) return 0;  // the first failure says what happened; the rest follow from it
  me->captured_ = true;
  // The innermost entry is where the library met the problem.
  H5Ewalk2(
      stack, H5E_WALK_DOWNWARD,
      [](unsigned, const H5E_error2_t* e, void* data) -> herr_t {
        auto* m = static_cast<H5FailureCapture*>(data);
        if (e->desc != nullptr && *e->desc != '\0') m->innermost_ = e->desc;
        return 0;
      },
      me);
  // A failed system call: "..., errno = 28, error message = 'No space left on device', ...".
  const std::string key = "error message = '";
  if (const auto at = me->innermost_.find(key); at != std::string::npos) {
    const auto end = me->innermost_.find('\'', at + key.size());
    if (end != std::string::npos) me->system_error_ = me->innermost_.substr(at + key.size(), end - at - key.size());
  }
  return 0;
}

std::string H5FailureCapture::reason() const {
  if (innermost_.empty()) return {};
  if (system_error_.empty()) return innermost_;
  const auto comma = innermost_.find(':');
  return system_error_ + " (" + innermost_.substr(0, comma) + ")";
}

std::string H5FailureCapture::reason_or(const std::string& fallback) const {
  const std::string r = reason();
  return r.empty() ? fallback : r;
}

}  // namespace pw::h5
