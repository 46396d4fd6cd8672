#include "ui/grid/PhotoListModel.h"

#include "core/image/ImageDecoder.h"
#include "ui/worker/AssessmentWorker.h"

#include <QFileInfo>
#include <QPointer>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace hqa::ui {

using namespace hqa::core;

PhotoState PhotoRow::state() const
{
    if (missing)
        return PhotoState::Missing;
    if (assessment && !assessment->ok())
        return PhotoState::Error;
    if (!assessment && label == kUnknownLabel)
        return PhotoState::NotAssessed;
    return failingCount() > 0 ? PhotoState::Failing : PhotoState::AllPass;
}

int PhotoRow::failingCount() const { return int(std::count(label.begin(), label.end(), std::int8_t(0))); }

bool PhotoRow::disagreesWithGolden() const
{
    // Against the engine's own verdict (as the Metrics tab counts), not the effective label: accepting a corrected
    // photo makes its golden label equal to the corrections, which would hide every disagreement.
    if (!golden || !assessment || !assessment->ok())
        return false;
    for (Attribute a : kAllAttributes) {
        const auto& v = assessment->verdict(a);
        const int truth = (*golden)[size_t(hqa::core::index(a))];
        if (v.judged && truth >= 0 && truth != (v.pass ? 1 : 0))
            return true;
    }
    return false;
}

namespace {
/// Photos with at least one correction still in effect: an undo row takes its edit back, a redo row restores it.
QSet<PhotoId> photosWithActiveCorrections(const std::vector<Correction>& history)
{
    QHash<qint64, PhotoId> active; // edit id -> photo
    for (const Correction& c : history) {
        if (c.kind == CorrectionKind::Edit)
            active.insert(c.id, c.photoId);
        else if (c.kind == CorrectionKind::Undo)
            active.remove(c.revertsId);
        else
            active.insert(c.revertsId, c.photoId);
    }
    QSet<PhotoId> photos;
    for (auto it = active.cbegin(); it != active.cend(); ++it)
        photos.insert(it.value());
    return photos;
}
} // namespace

PhotoListModel::PhotoListModel(QObject* parent)
    : QAbstractListModel(parent)
{ }

int PhotoListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

Qt::ItemFlags PhotoListModel::flags(const QModelIndex& index) const
{
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::NoItemFlags;
}

QString PhotoListModel::stateText(const PhotoRow& row)
{
    switch (row.state()) {
    case PhotoState::NotAssessed:
        return tr("Not assessed");
    case PhotoState::AllPass:
        return tr("All pass");
    case PhotoState::Failing:
        return tr("%n failing", nullptr, row.failingCount());
    case PhotoState::Error:
        return tr("Error");
    case PhotoState::Missing:
        return tr("Missing file");
    }
    return {};
}

QString PhotoListModel::marksText(const CullMarks& marks)
{
    QStringList parts;
    if (marks.flag == PickFlag::Accept)
        parts << tr("Picked");
    else if (marks.flag == PickFlag::Reject)
        parts << tr("Rejected");
    if (marks.stars > 0)
        parts << tr("%n star(s)", nullptr, marks.stars);
    switch (marks.colour) {
    case ColourLabel::Red:
        parts << tr("red label");
        break;
    case ColourLabel::Yellow:
        parts << tr("yellow label");
        break;
    case ColourLabel::Green:
        parts << tr("green label");
        break;
    case ColourLabel::Blue:
        parts << tr("blue label");
        break;
    case ColourLabel::Purple:
        parts << tr("purple label");
        break;
    case ColourLabel::None:
        break;
    }
    return parts.join(QStringLiteral(", "));
}

QVariant PhotoListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const PhotoRow& r = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return QFileInfo(r.path).fileName();
    case Qt::ToolTipRole: {
        QString tip = r.path + QLatin1Char('\n') + stateText(r);
        if (!r.errorText.isEmpty())
            tip += QLatin1Char('\n') + r.errorText;
        if (r.verified())
            tip += QLatin1Char('\n')
                + (r.verifiedBy.isEmpty() ? tr("Verified (golden label)")
                                          : tr("Verified (golden label) by %1").arg(r.verifiedBy));
        if (const QString marks = marksText(r.marks); !marks.isEmpty())
            tip += QLatin1Char('\n') + marks;
        if (!r.sameContentAs.isEmpty()) {
            QStringList names;
            for (const QString& p : r.sameContentAs)
                names << QFileInfo(p).fileName();
            tip += QLatin1Char('\n')
                + tr("Same photo (identical content) as: %1").arg(names.join(QStringLiteral(", ")));
        }
        return tip;
    }
    case Qt::DecorationRole:
        if (r.thumbnail.isNull() && !r.thumbnailRequested)
            requestThumbnail(index.row());
        return r.thumbnail;
    case PhotoIdRole:
        return r.id;
    case PathRole:
        return r.path;
    case StateRole:
        return int(r.state());
    case FailingCountRole:
        return r.failingCount();
    case LabelRole:
        return labelToString(r.label);
    case ErrorTextRole:
        return r.errorText;
    case CorrectedRole:
        return r.corrected;
    case GoldenDisagreeRole:
        return r.disagreesWithGolden();
    case StateTextRole:
        return stateText(r);
    case VerifiedRole:
        return r.verified();
    case FlagRole:
        return int(r.marks.flag);
    case StarsRole:
        return r.marks.stars;
    case ColourRole:
        return int(r.marks.colour);
    case ScoreRole: {
        QVariantList scores;
        for (Attribute a : kAllAttributes) {
            const bool judged = r.assessment && r.assessment->ok() && r.assessment->verdict(a).judged;
            scores << (judged ? r.assessment->verdict(a).score : -1.0);
        }
        return scores;
    }
    default:
        return {};
    }
}

void PhotoListModel::reload(const ProjectStore* store)
{
    beginResetModel();
    for (const PhotoRow& r : m_rows)
        if (!r.thumbnail.isNull())
            m_thumbCache.insert(r.id, r.thumbnail);
    m_rows.clear();
    m_index.clear();
    if (store) {
        if (auto photos = store->photos()) {
            for (const PhotoRecord& p : *photos) {
                PhotoRow row;
                row.id = p.id;
                row.path = p.path;
                row.missing = p.missing;
                row.label = p.label;
                row.thumbnail = m_thumbCache.value(p.id);
                row.sameContentAs = m_sameContent.value(p.id);
                m_index.insert(p.id, int(m_rows.size()));
                m_rows.push_back(std::move(row));
            }
        }
        store->forEachLatestAssessment([this](const StoredAssessment& s) {
            const int i = m_index.value(s.photoId, -1);
            if (i < 0)
                return;
            PhotoRow& row = m_rows[size_t(i)];
            row.assessment = s.assessment;
            row.errorText = s.assessment.error ? errorSentence(*s.assessment.error) : QString();
        });
        if (auto corrections = store->corrections()) {
            const QSet<PhotoId> corrected = photosWithActiveCorrections(*corrections);
            for (PhotoRow& row : m_rows)
                row.corrected = corrected.contains(row.id);
        }
        if (auto marks = store->allMarks()) {
            for (const auto& [id, m] : *marks) {
                const int i = m_index.value(id, -1);
                if (i >= 0)
                    m_rows[size_t(i)].marks = m;
            }
        }
        if (auto golden = store->goldenLabels()) {
            for (const GoldenLabel& g : *golden) {
                const int i = m_index.value(g.photoId, -1);
                if (i >= 0) {
                    m_rows[size_t(i)].golden = g.label;
                    m_rows[size_t(i)].verifiedBy = g.verifiedBy;
                }
            }
        }
    }
    for (const PhotoRow& r : m_rejected) {
        m_index.insert(r.id, int(m_rows.size()));
        m_rows.push_back(r);
    }
    endResetModel();
}

void PhotoListModel::applyResult(PhotoId id, const Assessment& assessment, const QString& errorText)
{
    const int i = rowOf(id);
    if (i < 0)
        return;
    PhotoRow& row = m_rows[size_t(i)];
    row.assessment = assessment;
    row.errorText = errorText;
    if (!row.corrected)
        row.label = labelOf(assessment);
    const QModelIndex mi = createIndex(i, 0);
    Q_EMIT dataChanged(mi, mi);
}

void PhotoListModel::refreshPhoto(const ProjectStore* store, PhotoId id)
{
    const int i = rowOf(id);
    if (i < 0 || !store)
        return;
    PhotoRow& row = m_rows[size_t(i)];
    if (auto p = store->photo(id); p && *p)
        row.label = (*p)->label;
    if (auto c = store->corrections(id))
        row.corrected = !photosWithActiveCorrections(*c).isEmpty();
    if (auto g = store->goldenLabel(id)) { // accepted, undone or redone since the last reload
        row.golden = *g ? std::optional<Label>((*g)->label) : std::nullopt;
        row.verifiedBy = *g ? (*g)->verifiedBy : QString();
    }
    if (auto m = store->marks(id))
        row.marks = *m;
    const QModelIndex mi = createIndex(i, 0);
    Q_EMIT dataChanged(mi, mi);
}

void PhotoListModel::addRejected(const QString& path, const QString& errorText)
{
    for (PhotoRow& r : m_rejected)
        if (r.path == path) {
            r.errorText = errorText;
            return;
        }
    PhotoRow row;
    row.id = -PhotoId(m_rejected.size() + 1);
    row.path = path;
    row.errorText = errorText;
    row.thumbnailRequested = true; // nothing to decode
    row.assessment = Assessment{};
    row.assessment->file = path;
    row.assessment->error = makeError(ErrorCode::Unreadable, errorText);
    m_rejected.push_back(row);
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
    m_index.insert(row.id, int(m_rows.size()));
    m_rows.push_back(row);
    endInsertRows();
}

void PhotoListModel::clearRejected()
{
    m_rejected.clear();
    m_sameContent.clear();
}

void PhotoListModel::addSameContent(PhotoId id, const QString& path)
{
    QStringList& paths = m_sameContent[id];
    if (paths.contains(path))
        return;
    paths << path;
    const int i = rowOf(id);
    if (i < 0)
        return;
    m_rows[size_t(i)].sameContentAs = paths;
    const QModelIndex mi = createIndex(i, 0);
    Q_EMIT dataChanged(mi, mi);
}

int PhotoListModel::rowOf(PhotoId id) const { return m_index.value(id, -1); }

const PhotoRow* PhotoListModel::rowAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[size_t(row)] : nullptr;
}

const PhotoRow* PhotoListModel::rowFor(PhotoId id) const { return rowAt(rowOf(id)); }

int PhotoListModel::thumbnailsReady() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(), [](const PhotoRow& r) { return !r.thumbnail.isNull(); }));
}

void PhotoListModel::requestThumbnail(int rowIndex) const
{
    auto* self = const_cast<PhotoListModel*>(this);
    PhotoRow& row = self->m_rows[size_t(rowIndex)];
    row.thumbnailRequested = true;
    const PhotoId id = row.id;
    const QString path = row.path;
    QPointer<PhotoListModel> guard(self);
    // Decoding happens on the pool; only the finished QImage comes back to the GUI thread.
    (void)QtConcurrent::run([guard, id, path] {
        DecodeOptions options;
        options.maxLongSide = kThumbnailSide * 2;
        QImage image;
        if (auto decoded = decodeImageFile(path, options)) {
            const cv::Mat& m = decoded->bgr;
            image = QImage(m.data, m.cols, m.rows, int(m.step), QImage::Format_BGR888)
                        .scaled(kThumbnailSide, kThumbnailSide, Qt::KeepAspectRatio, Qt::SmoothTransformation)
                        .convertToFormat(QImage::Format_RGB32);
        }
        if (image.isNull() || !guard)
            return;
        QMetaObject::invokeMethod(
            guard.data(),
            [guard, id, image] {
                if (guard)
                    guard->setThumbnail(id, image);
            },
            Qt::QueuedConnection);
    });
}

void PhotoListModel::setThumbnail(PhotoId id, const QImage& image)
{
    const int i = rowOf(id);
    if (i < 0)
        return;
    m_rows[size_t(i)].thumbnail = image;
    const QModelIndex mi = createIndex(i, 0);
    Q_EMIT dataChanged(mi, mi, {Qt::DecorationRole});
}

} // namespace hqa::ui
