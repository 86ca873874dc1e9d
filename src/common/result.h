#pragma once
// Errors are values on the request path (docs/ARCHITECTURE.md "Errors"): Result<T> holds a T or an
// AwsError.
#include <utility>
#include <variant>

#include "common/aws_error.h"

namespace amplify {

// A T or an error E, returned instead of thrown. Result (AwsError) is the request path's;
// codegen uses it with its own error type (codegen/codegen_error.h).
template <class T, class E>
class [[nodiscard]] Expected {
 public:
  Expected(T value) : v_(std::in_place_index<0>, std::move(value)) {}
  Expected(E error) : v_(std::in_place_index<1>, std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const E& error() const& { return std::get<1>(v_); }
  E&& error() && { return std::get<1>(std::move(v_)); }

 private:
  std::variant<T, E> v_;
};

template <class T>
using Result = Expected<T, AwsError>;

// Result<void>: ok, or an error.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(AwsError error) : error_(std::move(error)), ok_(false) {}
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const AwsError& error() const { return error_; }

 private:
  AwsError error_;
  bool ok_ = true;
};

inline Status OkStatus() { return {}; }

}  // namespace amplify
