#include "ui/compare/SittingGrouping.h"

#include <QMutex>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace hqa::ui {

using namespace hqa::core;

struct SittingGrouping::Cache {
    QMutex mutex;
    struct Entry {
        QString path;
        std::optional<cv::Point2d> eyeLeft, eyeRight;
        SittingFeatures features;
    };
    QHash<qint64, Entry> byId;
};

namespace {
bool sameEyes(const std::optional<cv::Point2d>& a, const std::optional<cv::Point2d>& b)
{
    return a.has_value() == b.has_value() && (!a || cv::norm(*a - *b) < 0.5);
}
} // namespace

SittingGrouping::SittingGrouping(QObject* parent)
    : QObject(parent)
    , m_cache(std::make_shared<Cache>())
{ }

SittingGrouping::~SittingGrouping() = default;

void SittingGrouping::clear()
{
    ++m_request;
    m_running = false;
    m_ready = false;
    m_groups.clear();
    m_order.clear();
    m_groupIndex.clear();
}

void SittingGrouping::start(const QList<Photo>& photos)
{
    const quint64 request = ++m_request;
    m_running = true;
    QPointer<SittingGrouping> guard(this);
    const std::shared_ptr<Cache> cache = m_cache;
    const SittingOptions options = this->options;
    (void)QtConcurrent::run([guard, request, photos, cache, options] {
        // Features: from the cache when the photo and its face have not changed, else computed now (in parallel).
        std::vector<SittingFeatures> features(size_t(photos.size()));
        std::vector<QString> paths;
        std::vector<std::optional<FaceGeometry>> faces;
        std::vector<int> missing;
        {
            QMutexLocker lock(&cache->mutex);
            for (int i = 0; i < photos.size(); ++i) {
                const Photo& p = photos[i];
                const auto face = p.assessment && p.assessment->ok() ? p.assessment->face : std::nullopt;
                const std::optional<cv::Point2d> el = face ? std::optional(face->eyeLeft) : std::nullopt;
                const std::optional<cv::Point2d> er = face ? std::optional(face->eyeRight) : std::nullopt;
                const auto it = cache->byId.constFind(p.id);
                if (it != cache->byId.constEnd() && it->path == p.path && sameEyes(it->eyeLeft, el)
                    && sameEyes(it->eyeRight, er)) {
                    features[size_t(i)] = it->features;
                } else {
                    missing.push_back(i);
                    paths.push_back(p.path);
                    faces.push_back(face);
                }
            }
        }
        const std::vector<SittingFeatures> computed = sittingFeaturesForFiles(paths, faces, options.threads);
        {
            QMutexLocker lock(&cache->mutex);
            for (size_t k = 0; k < missing.size(); ++k) {
                const int i = missing[k];
                features[size_t(i)] = computed[k];
                Cache::Entry e;
                e.path = photos[i].path;
                if (faces[k]) {
                    e.eyeLeft = faces[k]->eyeLeft;
                    e.eyeRight = faces[k]->eyeRight;
                }
                e.features = computed[k];
                cache->byId.insert(photos[i].id, e);
            }
        }
        std::vector<SittingQuality> qualities;
        for (const Photo& p : photos)
            qualities.push_back(sittingQuality(p.label, p.assessment));
        const std::vector<SittingGroup> groups = groupSittings(features, qualities, options);
        QList<QList<qint64>> ids;
        for (const SittingGroup& g : groups) {
            QList<qint64> members;
            for (int m : g.members)
                members << photos[m].id;
            ids << members;
        }
        if (!guard)
            return;
        QMetaObject::invokeMethod(
            guard.data(),
            [guard, request, ids] {
                if (!guard || request != guard->m_request)
                    return;
                guard->m_running = false;
                guard->m_ready = true;
                guard->m_groups = ids;
                guard->m_order.clear();
                guard->m_groupIndex.clear();
                int rank = 0;
                for (int g = 0; g < ids.size(); ++g)
                    for (qint64 id : ids[g]) {
                        guard->m_order.insert(id, rank++);
                        guard->m_groupIndex.insert(id, g);
                    }
                Q_EMIT guard->finished();
            },
            Qt::QueuedConnection);
    });
}

QList<qint64> SittingGrouping::groupOf(qint64 id) const
{
    const int g = m_groupIndex.value(id, -1);
    return g >= 0 ? m_groups[g] : QList<qint64>();
}

SittingGrouping::KeepBest SittingGrouping::keepBestOf(qint64 id) const
{
    KeepBest k;
    const QList<qint64> group = groupOf(id);
    if (group.isEmpty())
        return k;
    k.keep = group.front();
    k.reject = group.mid(1);
    return k;
}

} // namespace hqa::ui
