#include "ui/training/HeadTraining.h"

namespace hqa::ui {

HeadTrainingFunction defaultHeadTraining()
{
    // core/train/CorrectionsHead.h (helper "learn") had not been written when this dialog was; the adapter
    // from its API to HeadTrainingFunction belongs here once it exists.
    return {};
}

} // namespace hqa::ui
