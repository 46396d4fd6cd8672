#include "ui/select/PickBestView.h"

#include "core/select/StandardCrop.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPixmap>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace hqa::ui {

namespace {

constexpr int kThumbnailSide = 96;
constexpr int kThumbnailsPerRanking = 8; // video frames are decoded from the start: keep it to the top few
constexpr std::array kMethods = {core::SelectMethod::Baseline, core::SelectMethod::Filter,
                                 core::SelectMethod::Regression, core::SelectMethod::Attributes};

QImage toImage(const cv::Mat& bgr)
{
    if (bgr.empty() || bgr.type() != CV_8UC3)
        return {};
    return QImage(bgr.data, bgr.cols, bgr.rows, static_cast<qsizetype>(bgr.step), QImage::Format_BGR888).copy();
}

/// The face with a margin, square, small: enough to tell a blink or a turned head in the list.
QImage thumbnail(const cv::Mat& image, const core::FaceCandidate& f)
{
    const cv::Rect2d& b = f.geometry.box;
    const double side = std::max(b.width, b.height) * 1.5;
    const cv::Rect r = cv::Rect(cvRound(b.x + b.width / 2 - side / 2), cvRound(b.y + b.height / 2 - side / 2),
                                cvRound(side), cvRound(side)) &
                       cv::Rect(0, 0, image.cols, image.rows);
    if (r.area() <= 0)
        return {};
    cv::Mat small;
    const double k = double(kThumbnailSide) / std::max(r.width, r.height);
    cv::resize(image(r), small, cv::Size(), k, k, k < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
    return toImage(small);
}

/// Everything the view shows, computed off the GUI thread: rankings, thumbnails, crops.
std::vector<PickBestView::GroupResult> buildResults(core::CollectResult&& collected, const std::atomic<bool>& cancel)
{
    const core::SelectionConfig config = [] {
        const QString file = core::SelectionConfig::findDefaultFile();
        auto loaded = file.isEmpty() ? core::Expected<core::SelectionConfig>(core::SelectionConfig::defaults())
                                     : core::SelectionConfig::load(file);
        return loaded ? *loaded : core::SelectionConfig::defaults();
    }();
    std::vector<core::FaceCandidate> pool;
    for (const auto& g : collected.groups)
        pool.insert(pool.end(), g.faces.begin(), g.faces.end());
    std::vector<PickBestView::GroupResult> out;
    for (auto& g : collected.groups) {
        if (cancel)
            break;
        PickBestView::GroupResult r;
        r.name = g.name;
        r.faces = std::move(g.faces);
        std::map<int, cv::Mat> images;
        auto image = [&](int i) -> const cv::Mat& {
            auto it = images.find(i);
            if (it == images.end()) {
                auto loaded = core::loadCandidateImage(r.faces[i]);
                it = images.emplace(i, loaded ? *loaded : cv::Mat()).first;
            }
            return it->second;
        };
        std::map<int, std::pair<QImage, QStringList>> crops;
        for (core::SelectMethod m : kMethods) {
            const int mi = static_cast<int>(m);
            r.rankings[mi] = core::rankGroup(r.faces, m, config, pool);
            const auto& order = r.rankings[mi].order;
            for (size_t k = 0; k < order.size() && k < size_t(kThumbnailsPerRanking) && !cancel; ++k)
                if (!r.thumbnails.count(order[k].index))
                    r.thumbnails[order[k].index] = thumbnail(image(order[k].index), r.faces[order[k].index]);
            const int w = r.rankings[mi].winner();
            if (w < 0 || cancel)
                continue;
            if (!crops.count(w)) {
                core::CropOptions options;
                options.outputHeight = 500;
                const core::CropPlan plan = core::planStandardCrop(r.faces[w].geometry, r.faces[w].imageSize, options);
                QImage crop = plan.valid && !image(w).empty() ? toImage(core::renderCrop(image(w), plan)) : QImage();
                QStringList notes = plan.notes;
                if (!plan.valid)
                    notes << PickBestView::tr("No standard crop: the face has no usable landmarks.");
                crops[w] = {crop, notes};
            }
            r.crops[mi] = crops[w].first;
            r.cropNotes[mi] = crops[w].second;
        }
        out.push_back(std::move(r));
    }
    return out;
}

QString methodTitle(core::SelectMethod m)
{
    switch (m) {
    case core::SelectMethod::Baseline: return PickBestView::tr("Baseline cost (paper)");
    case core::SelectMethod::Filter: return PickBestView::tr("Multi-stage filter (paper)");
    case core::SelectMethod::Regression: return PickBestView::tr("Weakly supervised regression (paper)");
    case core::SelectMethod::Attributes: return PickBestView::tr("Six attributes (product)");
    }
    return {};
}

} // namespace

PickBestView::PickBestView(QWidget* parent) : QWidget(parent)
{
    m_methodBox = new QComboBox(this);
    m_methodBox->setObjectName(QStringLiteral("methodBox"));
    for (core::SelectMethod m : kMethods)
        m_methodBox->addItem(methodTitle(m), static_cast<int>(m));
    m_methodBox->setCurrentIndex(m_methodBox->findData(static_cast<int>(core::SelectMethod::Attributes)));
    m_groupBox = new QComboBox(this);
    m_groupBox->setObjectName(QStringLiteral("groupBox"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setEnabled(false);
    m_saveButton = new QPushButton(tr("Save crop..."), this);
    m_saveButton->setObjectName(QStringLiteral("saveCropButton"));
    m_saveButton->setEnabled(false);
    m_status = new QLabel(tr("Open a folder, photos or a video to pick the best face."), this);
    m_status->setObjectName(QStringLiteral("status"));

    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("rankingTable"));
    QStringList headers = {tr("Face"), tr("Rank"), tr("Score"), tr("Source"), tr("Brightness %"), tr("Area px²"),
                           tr("Yaw"), tr("Pitch"), tr("Roll")};
    for (core::Attribute a : core::kAllAttributes)
        headers << core::attributeName(a);
    headers << tr("Why");
    m_table->setColumnCount(static_cast<int>(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setIconSize(QSize(kThumbnailSide, kThumbnailSide));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setDefaultSectionSize(kThumbnailSide + 4);
    m_table->verticalHeader()->hide();

    m_crop = new QLabel(this);
    m_crop->setObjectName(QStringLiteral("cropLabel"));
    m_crop->setAlignment(Qt::AlignCenter);
    m_crop->setMinimumSize(200, 250);
    m_why = new QLabel(this);
    m_why->setObjectName(QStringLiteral("whyLabel"));
    m_why->setWordWrap(true);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Method:"), this));
    top->addWidget(m_methodBox);
    top->addWidget(new QLabel(tr("Group:"), this));
    top->addWidget(m_groupBox, 1);
    top->addWidget(m_progress, 1);
    top->addWidget(m_cancelButton);
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->addWidget(new QLabel(tr("Winner's standard crop"), right));
    rightLayout->addWidget(m_crop, 1);
    rightLayout->addWidget(m_why);
    rightLayout->addWidget(m_saveButton);
    auto* split = new QSplitter(this);
    split->addWidget(m_table);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    connect(m_methodBox, &QComboBox::currentIndexChanged, this, [this] { showGroup(); });
    connect(m_groupBox, &QComboBox::currentIndexChanged, this, [this] { showGroup(); });
    connect(m_cancelButton, &QPushButton::clicked, this, &PickBestView::cancel);
    connect(m_saveButton, &QPushButton::clicked, this, &PickBestView::saveCrop);
}

PickBestView::~PickBestView()
{
    if (m_thread) {
        *m_cancel = true;
        m_thread->wait();
    }
}

core::SelectMethod PickBestView::method() const
{
    return static_cast<core::SelectMethod>(m_methodBox->currentData().toInt());
}

void PickBestView::setMethod(core::SelectMethod method)
{
    m_methodBox->setCurrentIndex(m_methodBox->findData(static_cast<int>(method)));
}

int PickBestView::currentGroup() const { return m_groupBox->currentIndex(); }

QImage PickBestView::currentCrop() const
{
    const int g = currentGroup();
    if (g < 0 || g >= static_cast<int>(m_groups.size()))
        return {};
    return m_groups[g].crops[static_cast<int>(method())];
}

void PickBestView::setInputs(const QStringList& paths)
{
    if (m_thread) {
        // The old run stops at its next photo or batch of frames; its result is dropped.
        *m_cancel = true;
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    m_inputs = paths;
    start();
}

void PickBestView::cancel()
{
    if (m_cancel)
        *m_cancel = true;
    m_status->setText(tr("Cancelling..."));
}

void PickBestView::start()
{
    m_groups.clear();
    m_groupBox->clear();
    m_table->setRowCount(0);
    m_crop->clear();
    m_why->clear();
    m_saveButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_progress->setRange(0, 0); // busy until the first progress report gives a total
    m_status->setText(tr("Finding faces in %n input(s)...", nullptr, static_cast<int>(m_inputs.size())));

    auto cancelFlag = std::make_shared<std::atomic<bool>>(false);
    m_cancel = cancelFlag;
    const QStringList inputs = m_inputs;
    m_thread = QThread::create([this, cancelFlag, inputs] {
        core::CollectOptions options;
        options.progress = [this, cancelFlag](int done, int total) {
            QMetaObject::invokeMethod(
                this,
                [this, cancelFlag, done, total] {
                    if (cancelFlag != m_cancel)
                        return; // a report from a run that was replaced
                    m_progress->setRange(0, std::max(total, done));
                    m_progress->setValue(done);
                },
                Qt::QueuedConnection);
            return !*cancelFlag;
        };
        auto collected = core::collectGroups(inputs, options);
        auto groups = std::make_shared<std::vector<GroupResult>>();
        QString error;
        if (!collected)
            error = collected.error().detail;
        else
            *groups = buildResults(std::move(*collected), *cancelFlag);
        const bool cancelled = *cancelFlag;
        QMetaObject::invokeMethod(
            this,
            [this, cancelFlag, groups, error, cancelled] {
                if (cancelFlag == m_cancel)
                    finish(groups, error, cancelled);
            },
            Qt::QueuedConnection);
    });
    m_thread->start();
}

void PickBestView::finish(std::shared_ptr<std::vector<GroupResult>> groups, const QString& error, bool cancelled)
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    m_cancelButton->setEnabled(false);
    m_progress->setRange(0, 1);
    m_progress->setValue(cancelled ? 0 : 1);
    if (cancelled || !error.isEmpty()) {
        const QString message = cancelled ? tr("Selection cancelled.") : tr("Selection failed: %1").arg(error);
        m_status->setText(message);
        Q_EMIT selectionFinished(false, message);
        return;
    }
    m_groups = std::move(*groups);
    {
        const QSignalBlocker block(m_groupBox);
        for (const GroupResult& g : m_groups)
            m_groupBox->addItem(tr("%1 (%n face(s))", nullptr, static_cast<int>(g.faces.size())).arg(g.name));
    }
    showGroup();
    const QString message = m_groups.empty() ? tr("No face found.") : tr("%n group(s) ranked.", nullptr,
                                                                           static_cast<int>(m_groups.size()));
    m_status->setText(message);
    Q_EMIT selectionFinished(!m_groups.empty(), message);
}

void PickBestView::showGroup()
{
    m_table->setRowCount(0);
    m_crop->clear();
    m_why->clear();
    const int gi = currentGroup();
    if (gi < 0 || gi >= static_cast<int>(m_groups.size())) {
        m_saveButton->setEnabled(false);
        return;
    }
    const GroupResult& g = m_groups[gi];
    const core::Ranking& ranking = g.rankings[static_cast<int>(method())];
    m_table->setRowCount(static_cast<int>(ranking.order.size()));
    const QColor winnerColour(255, 236, 160);
    for (int row = 0; row < static_cast<int>(ranking.order.size()); ++row) {
        const core::RankedFace& rf = ranking.order[row];
        const core::FaceCandidate& f = g.faces[rf.index];
        auto* face = new QTableWidgetItem;
        if (auto it = g.thumbnails.find(rf.index); it != g.thumbnails.end() && !it->second.isNull())
            face->setIcon(QIcon(QPixmap::fromImage(it->second)));
        face->setData(Qt::UserRole, rf.index);
        m_table->setItem(row, 0, face);
        const auto number = [](double v, int decimals) { return QString::number(v, 'f', decimals); };
        QStringList cells = {QString::number(row + 1), number(rf.score, 3), f.label(), number(f.brightness, 1),
                             number(f.area, 0), number(f.geometry.yaw, 1), number(f.geometry.pitch, 1),
                             number(f.geometry.roll, 1)};
        for (int a = 0; a < core::kAttributeCount; ++a)
            cells << number(f.attributeScores[a], 2);
        cells << rf.note;
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (c >= 8 && c < 8 + core::kAttributeCount)
                item->setToolTip(f.attributeReasons[c - 8]);
            m_table->setItem(row, c + 1, item);
        }
        if (row == 0)
            for (int c = 0; c < m_table->columnCount(); ++c)
                m_table->item(row, c)->setBackground(winnerColour);
    }
    m_table->resizeColumnsToContents();
    const QImage crop = g.crops[static_cast<int>(method())];
    if (!crop.isNull())
        m_crop->setPixmap(QPixmap::fromImage(crop).scaled(m_crop->minimumSize() * 1.5, Qt::KeepAspectRatio,
                                                          Qt::SmoothTransformation));
    QString why = ranking.why;
    if (ranking.smallGroup)
        why += QLatin1Char(' ') + tr("(Small group: percentiles are not used.)");
    for (const QString& note : g.cropNotes[static_cast<int>(method())])
        why += QLatin1Char(' ') + note;
    m_why->setText(why);
    m_saveButton->setEnabled(!crop.isNull());
}

void PickBestView::saveCrop()
{
    const QImage crop = currentCrop();
    if (crop.isNull())
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save crop"), QString(),
                                                      tr("Images (*.jpg *.jpeg *.png)"));
    if (path.isEmpty())
        return;
    if (!crop.save(path))
        QMessageBox::warning(this, tr("Save crop"), tr("Could not write %1.").arg(path));
}

} // namespace hqa::ui
