// Errors as values: Status and Result<T>.
//
// A Status is OK (cheap: no allocation) or carries a code and a one-line
// message meant for a user ("articles.jsonl:12: not JSON: ..."). Result<T>
// holds either a T or a non-OK Status. Only main() and request handlers catch
// exceptions; everything else returns these.
//
//   Result<Date> d = ParseDate("2023-01-19");
//   if (!d.ok()) return d.status();
//   Use(*d);
//
// Thread safety: plain values; copy freely.
#ifndef ENTENTE_STATUS_H_
#define ENTENTE_STATUS_H_

#include <cassert>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace entente {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // bad input from a user or a document
  kNotFound,         // a file, table or record that does not exist
  kIoError,          // reading or writing failed
  kDataError,        // a table in data/ is malformed (message names file:line)
  kStoreError,       // the SQLite store failed
  kInternal,         // a bug
};

class Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message)
      : rep_(code == StatusCode::kOk
                 ? nullptr
                 : std::make_shared<const Rep>(Rep{code, std::move(message)})) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
  static Status DataError(std::string m) { return {StatusCode::kDataError, std::move(m)}; }
  static Status StoreError(std::string m) { return {StatusCode::kStoreError, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return rep_ == nullptr; }
  StatusCode code() const { return rep_ ? rep_->code : StatusCode::kOk; }
  // The message alone ("" when OK).
  const std::string& message() const {
    static const std::string kEmpty;
    return rep_ ? rep_->message : kEmpty;
  }
  // "OK" or "<code name>: <message>".
  std::string ToString() const;

 private:
  struct Rep {
    StatusCode code;
    std::string message;
  };
  // Shared and immutable so that copying a Status is cheap.
  std::shared_ptr<const Rep> rep_;
};

const char* StatusCodeName(StatusCode code);

// Result<T>: a T or a non-OK Status.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(v_).ok() && "Result built from an OK Status");
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  // REQUIRES: ok()
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace entente

#define ENTENTE_CONCAT_INNER_(a, b) a##b
#define ENTENTE_CONCAT_(a, b) ENTENTE_CONCAT_INNER_(a, b)

#define ENTENTE_RETURN_IF_ERROR(expr)          \
  do {                                         \
    ::entente::Status _st = (expr);            \
    if (!_st.ok()) return _st;                 \
  } while (0)

#define ENTENTE_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                   \
  if (!tmp.ok()) return tmp.status();                  \
  lhs = std::move(tmp).value()

#define ENTENTE_ASSIGN_OR_RETURN(lhs, expr) \
  ENTENTE_ASSIGN_OR_RETURN_IMPL_(ENTENTE_CONCAT_(_result_, __LINE__), lhs, expr)

#endif  // ENTENTE_STATUS_H_
