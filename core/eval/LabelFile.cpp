#include "LabelFile.h"

#include "core/Assessment.h"
#include "core/AtomicFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace hqa::core {

namespace {
QString tr(const char* s) { return QCoreApplication::translate("hqa::LabelFile", s); }

/// Line breaks as the record reader sees them: CRLF, LF and a lone CR (old Mac files) each end one line.
int lineBreaks(QStringView text)
{
    int n = 0;
    for (qsizetype i = 0; i < text.size(); ++i)
        if (text[i] == u'\n' || (text[i] == u'\r' && (i + 1 == text.size() || text[i + 1] != u'\n')))
            ++n;
    return n;
}
} // namespace

std::optional<Label> parseLabel(QStringView text)
{
    text = text.trimmed();
    if (text.size() != kAttributeCount)
        return std::nullopt;
    Label l{};
    for (int i = 0; i < kAttributeCount; ++i) {
        const QChar c = text[i];
        if (c == u'1')
            l[i] = 1;
        else if (c == u'0')
            l[i] = 0;
        else if (c == u'-')
            l[i] = -1;
        else
            return std::nullopt;
    }
    return l;
}

QString labelToString(const Label& label)
{
    QString s(kAttributeCount, u'-');
    for (int i = 0; i < kAttributeCount; ++i)
        if (label[i] >= 0)
            s[i] = label[i] ? u'1' : u'0';
    return s;
}

std::int8_t labelValue(const AttributeVerdict& verdict)
{
    if (!verdict.judged)
        return -1;
    return verdict.pass ? 1 : 0;
}

Label labelOf(const Assessment& assessment)
{
    Label l = kUnknownLabel;
    if (assessment.ok())
        for (int i = 0; i < kAttributeCount; ++i)
            l[static_cast<size_t>(i)] = labelValue(assessment.verdicts[static_cast<size_t>(i)]);
    return l;
}

std::optional<QStringList> readCsvRecord(const QString& text, qsizetype& pos, QString* error)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    const qsizetype n = text.size();
    while (pos < n) {
        const QChar c = text[pos];
        if (quoted) {
            if (c == u'"') {
                if (pos + 1 < n && text[pos + 1] == u'"') {
                    field += u'"';
                    pos += 2;
                    continue;
                }
                quoted = false;
                ++pos;
                continue;
            }
            field += c;
            ++pos;
            continue;
        }
        if (c == u'"' && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
            ++pos;
            continue;
        }
        if (c == u',') {
            fields << field;
            field.clear();
            fieldStarted = false;
            ++pos;
            continue;
        }
        if (c == u'\r' || c == u'\n') {
            ++pos;
            if (c == u'\r' && pos < n && text[pos] == u'\n')
                ++pos;
            fields << field;
            return fields;
        }
        field += c;
        fieldStarted = true;
        ++pos;
    }
    if (quoted) {
        if (error)
            *error = tr("a quoted field is not closed");
        return std::nullopt;
    }
    fields << field;
    return fields;
}

QString csvField(const QString& value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') && !value.contains(u'\r'))
        return value;
    QString q = value;
    q.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + q + u'"';
}

Expected<LabelSet> parseLabelCsv(const QByteArray& bytes, const QString& baseDir)
{
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    qsizetype pos = 0;
    QString err;
    auto header = readCsvRecord(text, pos, &err);
    if (!header || header->isEmpty() || (header->size() == 1 && header->front().trimmed().isEmpty()))
        return makeError(ErrorCode::Unreadable, tr("label file is empty or has no header"));
    int line = 1 + lineBreaks(QStringView(text).left(pos));
    int fileCol = -1, labelCol = -1, groupCol = -1;
    LabelSet set;
    std::vector<int> extraCols;
    for (int i = 0; i < header->size(); ++i) {
        const QString name = header->at(i).trimmed().toLower();
        if (name == QLatin1String("file") && fileCol < 0)
            fileCol = i;
        else if (name == QLatin1String("label") && labelCol < 0)
            labelCol = i;
        else if (name == QLatin1String("group") && groupCol < 0)
            groupCol = i;
        else {
            set.extraColumns << header->at(i).trimmed();
            extraCols.push_back(i);
        }
    }
    if (fileCol < 0 || labelCol < 0)
        return makeError(ErrorCode::Unreadable, tr("the header must name the columns \"file\" and \"label\""));
    const QDir base(baseDir);
    while (pos < text.size()) {
        const qsizetype start = pos;
        const int recordLine = line;
        auto rec = readCsvRecord(text, pos, &err);
        if (!rec)
            return makeError(ErrorCode::Unreadable, tr("line %1: %2").arg(recordLine).arg(err));
        line += lineBreaks(QStringView(text).mid(start, pos - start));
        if (rec->size() == 1 && rec->front().trimmed().isEmpty())
            continue; // blank line
        if (rec->size() != header->size())
            return makeError(
                ErrorCode::Unreadable,
                tr("line %1: expected %2 fields, found %3").arg(recordLine).arg(header->size()).arg(rec->size()));
        LabelRow row;
        row.line = recordLine;
        row.file = rec->at(fileCol).trimmed();
        if (row.file.isEmpty())
            return makeError(ErrorCode::Unreadable, tr("line %1: empty file name").arg(recordLine));
        auto label = parseLabel(rec->at(labelCol));
        if (!label)
            return makeError(ErrorCode::Unreadable,
                             tr("line %1: label \"%2\" is not six characters of 0, 1 or -")
                                 .arg(recordLine)
                                 .arg(rec->at(labelCol).left(40)));
        row.label = *label;
        row.path = QDir::cleanPath(base.absoluteFilePath(row.file));
        if (groupCol >= 0)
            row.group = rec->at(groupCol).trimmed();
        for (int c : extraCols)
            row.extra << rec->at(c);
        set.rows.push_back(std::move(row));
    }
    return set;
}

Expected<LabelSet> readLabelFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, tr("cannot read %1: %2").arg(path, f.errorString()));
    constexpr qint64 kMaxBytes = 256ll * 1024 * 1024;
    if (f.size() > kMaxBytes)
        return makeError(ErrorCode::TooLarge, tr("%1 is larger than 256 MB").arg(path));
    return parseLabelCsv(f.readAll(), QFileInfo(path).absolutePath());
}

std::optional<Error> writeLabelFile(const QString& path, const LabelSet& set)
{
    QString out = QStringLiteral("file,label");
    bool anyGroup = false;
    for (const auto& r : set.rows)
        anyGroup = anyGroup || !r.group.isEmpty();
    if (anyGroup)
        out += QStringLiteral(",group");
    for (const auto& c : set.extraColumns)
        out += u',' + csvField(c);
    out += u'\n';
    for (const auto& r : set.rows) {
        out += csvField(r.file) + u',' + labelToString(r.label);
        if (anyGroup)
            out += u',' + csvField(r.group);
        for (int i = 0; i < set.extraColumns.size(); ++i)
            out += u',' + csvField(i < r.extra.size() ? r.extra[i] : QString());
        out += u'\n';
    }
    // Replaced whole or not at all: a full disk leaves the previous labels.csv.
    if (auto failure = replaceFileContents(path, out.toUtf8()))
        return makeError(ErrorCode::Io, tr("cannot write %1: %2").arg(path, *failure));
    return std::nullopt;
}

} // namespace hqa::core
