#pragma once
// Culling marks in the review window: pick / reject / unflag, 0-5 stars and colour labels on the selected
// photos, with the keys Lightroom and Bridge users know and that do not clash with the review keys (1-6 flip
// verdicts, 0 fit, J/K next/previous, Z zoom):
//   P pick, X reject, U unflag;  Ctrl+0 .. Ctrl+5 stars (Bridge);
//   Ctrl+6 red, Ctrl+7 yellow, Ctrl+8 green, Ctrl+9 blue, Ctrl+Shift+9 purple (the same key again clears it).
// A key applies to every selected photo as ONE step of the project's undo timeline (Edit > Undo takes it back).
// Installs itself on a MainWindow through its public hooks only: the actions go into the Edit menu, the flag, star
// and colour filters into the grid's "Show" box and "Sort by rating" into its sort box.

#include "core/store/CullMarks.h"

#include <QList>
#include <QObject>

#include <functional>

class QAction;

namespace hqa::ui {

class MainWindow;

class CullActions : public QObject {
    Q_OBJECT
public:
    /// Creates the actions on the window (owned by it) and returns them.
    static CullActions* install(MainWindow* window);

    /// Each applies to the selected photos (the current one when none is selected) as one undo step; false when
    /// nothing changed or there is no project (the status bar says why).
    bool setFlag(hqa::core::PickFlag flag);
    bool setStars(int stars);
    /// Sets the colour on every selected photo, or clears it when all of them already have it (Lightroom's toggle).
    bool toggleColour(hqa::core::ColourLabel colour);

    QList<QAction*> actions() const { return m_actions; }

private:
    explicit CullActions(MainWindow* window);
    void createActions();
    void extendFilterAndSortBoxes();
    /// done(n) is the status line for n photos.
    bool apply(const std::function<void(hqa::core::CullMarks&)>& change, const std::function<QString(int)>& done);

    MainWindow* m_window;
    QList<QAction*> m_actions;
};

} // namespace hqa::ui
