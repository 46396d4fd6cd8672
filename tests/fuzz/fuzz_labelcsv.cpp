// libFuzzer harness for the labels.csv parser (core/eval/LabelFile.h): arbitrary bytes must give either a
// well-formed LabelSet or an error with a message naming what is wrong, never a crash or a silent half-result.

#include "core/eval/LabelFile.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    auto set = hqa::core::parseLabelCsv(bytes, QStringLiteral("/fuzz/base"));
    if (!set.ok()) {
        if (set.error().detail.trimmed().isEmpty())
            std::abort(); // a bad input must get a clear error
        return 0;
    }
    int previousLine = 0;
    for (const auto& row : set->rows) {
        // What the parser accepts, the writer must be able to express and the parser must read back.
        // (Line numbers only count '\n', so a file with bare CR line ends reports line 1 for every row: they
        // must still be positive and in order.)
        if (row.file.isEmpty() || row.line < 1 || row.line < previousLine
            || row.extra.size() != set->extraColumns.size())
            std::abort();
        previousLine = row.line;
        for (auto v : row.label)
            if (v < -1 || v > 1)
                std::abort();
        if (hqa::core::parseLabel(hqa::core::labelToString(row.label)) != row.label)
            std::abort();
    }
    return 0;
}
