#pragma once
// The review window's side of core/select/SittingGroups: groups the project's photos by sitting off the GUI thread
// (features cached per photo, so regrouping after a correction is only the ranking), gives the grid its order (each
// sitting consecutive, its best first) and says which photos "keep the best, reject the rest" changes.

#include "core/Assessment.h"
#include "core/eval/LabelFile.h"
#include "core/select/SittingGroups.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace hqa::ui {

class SittingGrouping : public QObject {
    Q_OBJECT
public:
    struct Photo {
        qint64 id = 0;
        QString path;
        std::optional<hqa::core::Assessment> assessment;
        hqa::core::Label label = hqa::core::kUnknownLabel; ///< effective verdicts
    };
    /// The photo to keep (flagged pick) and those to reject in one sitting.
    struct KeepBest {
        qint64 keep = 0;
        QList<qint64> reject;
    };

    explicit SittingGrouping(QObject* parent = nullptr);
    ~SittingGrouping() override;

    /// Groups the photos off the GUI thread; finished() follows (a newer start() supersedes a running one).
    void start(const QList<Photo>& photos);
    bool isRunning() const { return m_running; }
    bool hasGroups() const { return m_ready; }
    void clear();

    /// Groups of photo ids, best first, in the order of their first photo.
    QList<QList<qint64>> groups() const { return m_groups; }
    /// The group of a photo (best first); empty when unknown.
    QList<qint64> groupOf(qint64 id) const;
    /// 0, 1, 2, ... down the groups: the grid's order when grouped (PhotoFilterModel::setGroupOrder).
    QHash<qint64, int> order() const { return m_order; }
    /// Keep the best of the photo's sitting, reject the rest.
    KeepBest keepBestOf(qint64 id) const;

    /// Applies a KeepBest (writes the flags); set by the main window's wiring, so that the action is testable and
    /// does not depend on how the flags are stored. Returns false when nothing was written.
    std::function<bool(const KeepBest&)> applyKeepBest;

    hqa::core::SittingOptions options;

Q_SIGNALS:
    void finished();

private:
    struct Cache;
    std::shared_ptr<Cache> m_cache; ///< features by photo id, shared with the worker
    quint64 m_request = 0;
    bool m_running = false;
    bool m_ready = false;
    QList<QList<qint64>> m_groups;
    QHash<qint64, int> m_order;
    QHash<qint64, int> m_groupIndex;
};

} // namespace hqa::ui
