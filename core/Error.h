#pragma once
// Typed errors: a stable machine code plus a detail sentence. The UI and CLI decide the wording around them.

#include <QString>

#include <optional>
#include <string_view>
#include <utility>
#include <variant>

namespace hqa::core {

enum class ErrorCode {
    Unreadable, ///< empty, not an image, truncated, corrupt
    UnsupportedFormat, ///< a real image format the product does not decode (GIF, HEIC, ...)
    TooLarge, ///< pixel count over the limit, refused before decoding
    TooSmall, ///< too few pixels to judge a headshot
    NoFace, ///< decoded fine but no face found
    Io, ///< file system error (missing, permission, disk full)
    Model, ///< model file missing, corrupt or incompatible
    InvalidArgument, ///< a caller passed something meaningless
    Cancelled,
};

/// Stable snake_case key used in JSON output and the project store ("unreadable", "too_large", ...).
std::string_view errorCodeKey(ErrorCode code);
/// The code a key names (the inverse of errorCodeKey); Unreadable for a key no version of the product wrote.
ErrorCode errorCodeFromKey(std::string_view key);

struct Error {
    ErrorCode code = ErrorCode::Unreadable;
    QString detail;
};

/// Minimal expected<T, Error> (std::expected is C++23).
template<typename T> class Expected {
public:
    Expected(T value)
        : m_v(std::move(value))
    { }
    Expected(Error error)
        : m_v(std::move(error))
    { }
    bool ok() const { return std::holds_alternative<T>(m_v); }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<T>(m_v); }
    const T& value() const& { return std::get<T>(m_v); }
    T&& value() && { return std::get<T>(std::move(m_v)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    const Error& error() const { return std::get<Error>(m_v); }

private:
    std::variant<T, Error> m_v;
};

inline Error makeError(ErrorCode code, QString detail) { return Error{code, std::move(detail)}; }

} // namespace hqa::core
