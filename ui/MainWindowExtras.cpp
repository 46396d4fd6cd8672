// The other modes' wiring into the main window (golden set, dashboard, training, settings).
// This file belongs to the "ui-extras" work: it fills installExtras() in, using the public hook points of
// MainWindow (store(), modeTabs(), toolsMenu(), viewMenu(), editMenu(), selectedFiles(), refreshFromStore(),
// applySettings(), projectOpened(), assessmentsChanged()).
#include "ui/MainWindow.h"

namespace hqa::ui {

void MainWindow::installExtras() {}

} // namespace hqa::ui
