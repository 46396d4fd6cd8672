#include "core/engine/Shard.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace hqa::core {

Expected<Shard> parseShard(const QString& text)
{
    static const QRegularExpression form(QStringLiteral("^\\s*(\\d{1,6})\\s*/\\s*(\\d{1,6})\\s*$"));
    const auto m = form.match(text);
    const int k = m.hasMatch() ? m.captured(1).toInt() : 0;
    const int n = m.hasMatch() ? m.captured(2).toInt() : 0;
    if (!m.hasMatch() || n < 1 || k < 1 || k > n)
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("Shard",
                                                     "\"%1\" is not a shard: expected K/N with 1 <= K <= N, "
                                                     "e.g. 2/8 for the second of eight")
                             .arg(text));
    return Shard{k, n};
}

QStringList selectShard(const QStringList& inputs, const Shard& shard)
{
    QStringList mine;
    mine.reserve(inputs.size() / shard.count + 1);
    for (qsizetype i = shard.index - 1; i < inputs.size(); i += shard.count)
        mine << inputs[i];
    return mine;
}

} // namespace hqa::core
