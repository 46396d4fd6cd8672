#pragma once
// The only way ui code includes QCustomPlot. hqa_core exports QT_NO_KEYWORDS (LibTorch's `slots()` clash, see
// TOOLCHAIN.md), but qcustomplot.h is written with the `signals` and `foreach` keywords, so they are defined
// for this one header and taken away again. No torch header is ever seen by the ui target.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef emit
#undef foreach
