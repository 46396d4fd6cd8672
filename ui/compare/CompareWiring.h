#pragma once
// The compare view and sitting groups in the review window, installed through MainWindow's public hooks:
//   View > Compare selected photos (C): the Compare tab with the selected photos (2-4 side by side);
//   View > Group by sitting: each sitting's photos consecutive in the grid, its best first;
//   Edit > Keep the best of the sitting, reject the rest (B): on the current photo's sitting, one undo step.

#include <QObject>

class QAction;

namespace hqa::ui {

class MainWindow;
class CompareView;
class SittingGrouping;

class CompareWiring : public QObject {
    Q_OBJECT
public:
    static CompareWiring* install(MainWindow* window);

    CompareView* compareView() const { return m_compare; }
    SittingGrouping* grouping() const { return m_grouping; }
    QAction* compareAction() const { return m_compareAction; }
    QAction* groupAction() const { return m_groupAction; }
    QAction* keepBestAction() const { return m_keepBestAction; }

    /// C: the selected photos (grid order) into the compare view; false with a status line when fewer than two.
    bool compareSelection();
    /// B: keeps the best of the current photo's sitting and rejects the rest (groups first when needed).
    void keepBestOfCurrent();

private:
    explicit CompareWiring(MainWindow* window);
    void regroup();
    void applyGroups();
    bool writeKeepBest(qint64 keep, const QList<qint64>& reject);

    MainWindow* m_window;
    CompareView* m_compare = nullptr;
    SittingGrouping* m_grouping = nullptr;
    QAction* m_compareAction = nullptr;
    QAction* m_groupAction = nullptr;
    QAction* m_keepBestAction = nullptr;
    qint64 m_pendingKeepBest = 0; ///< B pressed before the groups were ready
};

} // namespace hqa::ui
