#pragma once
// The label file of ATTRIBUTES.md: CSV with a header, at least the columns file,label; label is six chars of
// '1' (pass), '0' (fail) or '-' (unknown) in attribute order; paths are relative to the CSV's folder.

#include "core/Attribute.h"
#include "core/Error.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace hqa::core {

/// One attribute label: 1 pass, 0 fail, -1 unknown (not scored).
using Label = std::array<std::int8_t, kAttributeCount>;

inline constexpr Label kUnknownLabel = {-1, -1, -1, -1, -1, -1};

std::optional<Label> parseLabel(QStringView text);
QString labelToString(const Label& label);

struct Assessment;
struct AttributeVerdict;

/// A verdict as one label value: 1 pass, 0 fail, -1 not judged.
std::int8_t labelValue(const AttributeVerdict& verdict);
/// An engine's verdicts as a label (each attribute as labelValue); all unknown when it could not assess the photo.
Label labelOf(const Assessment& assessment);

struct LabelRow {
    QString file; ///< as written in the CSV
    QString path; ///< resolved against the CSV's folder
    Label label = kUnknownLabel;
    QString group; ///< optional "group" column (images derived from one source share it)
    QStringList extra; ///< values of the other columns, in LabelSet::extraColumns order
    int line = 0; ///< 1-based line in the file, for messages
};

struct LabelSet {
    QStringList extraColumns; ///< columns other than file, label, group
    std::vector<LabelRow> rows;
};

/// Parses CSV text (RFC 4180 quoting, BOM, CRLF). Unreadable error naming the line on malformed input.
Expected<LabelSet> parseLabelCsv(const QByteArray& text, const QString& baseDir);
/// Reads a label file; Io when it cannot be read.
Expected<LabelSet> readLabelFile(const QString& path);
/// Writes atomically (a crash leaves the old file or the new one, never half of one).
std::optional<Error> writeLabelFile(const QString& path, const LabelSet& set);

/// Splits one CSV record starting at `pos` (advanced past the record). Exposed for tests and other readers.
std::optional<QStringList> readCsvRecord(const QString& text, qsizetype& pos, QString* error = nullptr);
QString csvField(const QString& value);

} // namespace hqa::core
