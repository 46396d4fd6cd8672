#include "Error.h"

namespace hqa::core {

std::string_view errorCodeKey(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Unreadable:
        return "unreadable";
    case ErrorCode::UnsupportedFormat:
        return "unsupported_format";
    case ErrorCode::TooLarge:
        return "too_large";
    case ErrorCode::TooSmall:
        return "too_small";
    case ErrorCode::NoFace:
        return "no_face";
    case ErrorCode::Io:
        return "io";
    case ErrorCode::Model:
        return "model";
    case ErrorCode::InvalidArgument:
        return "invalid_argument";
    case ErrorCode::Cancelled:
        return "cancelled";
    }
    return "unknown";
}

ErrorCode errorCodeFromKey(std::string_view key)
{
    for (ErrorCode c :
         {ErrorCode::Unreadable, ErrorCode::UnsupportedFormat, ErrorCode::TooLarge, ErrorCode::TooSmall,
          ErrorCode::NoFace, ErrorCode::Io, ErrorCode::Model, ErrorCode::InvalidArgument, ErrorCode::Cancelled})
        if (errorCodeKey(c) == key)
            return c;
    return ErrorCode::Unreadable;
}

} // namespace hqa::core
