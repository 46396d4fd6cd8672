#pragma once
// Training the six-head Swin network from a label file. Public header: no torch types (the
// implementation lives in Trainer.cpp), so the GUI can run a Trainer on a worker thread with a progress
// callback and cancel it from the UI thread.
#include "core/Attribute.h"
#include "core/Error.h"
#include "core/eval/LabelFile.h"
#include "core/model/SwinConfig.h"
#include "core/train/Dataset.h" // splitRowsByGroup
#include <QString>
#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace hqa::core {

/// How the rarer class of each attribute gets its share of the gradient.
enum class ClassBalance {
    PosWeight, ///< BCE pos_weight per attribute = fails / passes among known training labels (the default)
    Sampling, ///< training images drawn with weights favouring rare (attribute, class) pairs
    None,
};

struct TrainOptions {
    QString outPath; ///< best model (product format); OUT.resume holds the resumable state
    QString backbone; ///< imported ImageNet backbone; empty = fresh seeded weights of `config`
    QString resume; ///< a .resume file written by an earlier run
    SwinConfig config; ///< used only without backbone and resume
    int epochs = 10;
    int batch = 32;
    double lr = 5e-5; ///< AdamW learning rate at the start of the one-cycle schedule
    double maxLr = 1e-4; ///< one-cycle peak
    double weightDecay = 0.01; ///< AdamW's default
    double pctStart = 0.3; ///< share of steps spent warming up (torch's OneCycleLR default)
    int size = 224; ///< network input side
    double valFraction = 0.2; ///< share of groups held out for validation
    std::uint64_t seed = 1;
    ClassBalance balance = ClassBalance::PosWeight;
    bool flip = true; ///< horizontal flip: label-preserving for all six attributes
    int threads = 0; ///< LibTorch intra-op threads; 0 = leave as is
};

/// Figures after one epoch.
struct EpochReport {
    int epoch = 0; ///< 1-based
    int epochs = 0;
    double trainLoss = 0;
    double valLoss = 0; ///< NaN without a validation split
    double hammingAccuracy = 0; ///< on the validation split at threshold 0.5
    double macroF1 = 0;
    std::array<double, kAttributeCount> f1{}; ///< pass-class F1 per attribute (NaN undefined)
    std::array<double, kAttributeCount> balancedAccuracy{}; ///< NaN when a class is absent
    double seconds = 0;
    bool best = false; ///< lowest validation loss so far (this epoch's model was saved as OUT)
};

struct TrainResult {
    int startEpoch = 0; ///< epochs already done before this run (resume)
    int epochsDone = 0; ///< epochs completed in total
    bool cancelled = false;
    int trainImages = 0, valImages = 0;
    std::array<double, kAttributeCount> thresholds{0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
    std::vector<EpochReport> history; ///< this run's epochs
    QString modelPath, resumePath;
};

class Trainer {
public:
    explicit Trainer(TrainOptions options);
    ~Trainer();
    /// Called on the training thread after every epoch.
    void setProgress(std::function<void(const EpochReport&)> callback) { m_progress = std::move(callback); }
    /// Called after every batch with (batch index in epoch, batches per epoch, running mean loss).
    void setBatchProgress(std::function<void(int, int, double)> callback) { m_batchProgress = std::move(callback); }
    /// Thread-safe: training stops after the current batch and writes a resumable checkpoint.
    void cancel() { m_cancel = true; }
    /// Optional extra cancel source (e.g. a SIGINT flag), polled after each batch.
    void setCancelFlag(const std::atomic<bool>* flag) { m_externalCancel = flag; }
    /// Trains on the rows (paths resolved, labels possibly with '-'). Model/Io/InvalidArgument errors.
    Expected<TrainResult> run(const LabelSet& labels);

private:
    bool cancelled() const { return m_cancel || (m_externalCancel && m_externalCancel->load()); }
    TrainOptions m_options;
    std::function<void(const EpochReport&)> m_progress;
    std::function<void(int, int, double)> m_batchProgress;
    std::atomic<bool> m_cancel{false};
    const std::atomic<bool>* m_externalCancel = nullptr;
};

} // namespace hqa::core
