#include "ui/golden/GoldenSetView.h"

#include "ui/worker/AssessmentWorker.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace hqa::ui {

using hqa::core::Attribute;
using hqa::core::kAllAttributes;
using hqa::core::kAttributeCount;

namespace {

constexpr int kColPhoto = 0;
constexpr int kColVerified = 1;
constexpr int kColFirstAttribute = 2;
constexpr int kColPrediction = kColFirstAttribute + kAttributeCount;
constexpr int kColAgreement = kColPrediction + 1;
constexpr int kColumns = kColAgreement + 1;

QString valueText(int v)
{
    if (v == 1)
        return GoldenSetView::tr("pass");
    if (v == 0)
        return GoldenSetView::tr("fail");
    return QStringLiteral("-");
}

/// Attributes where both the golden label and the prediction are known and differ.
std::vector<Attribute> differences(const hqa::core::Label& golden, const hqa::core::Label& predicted)
{
    std::vector<Attribute> differing;
    for (Attribute a : kAllAttributes) {
        const auto i = size_t(hqa::core::index(a));
        if (golden[i] >= 0 && predicted[i] >= 0 && golden[i] != predicted[i])
            differing.push_back(a);
    }
    return differing;
}

/// Attributes both labels know (the ones an agreement can be about).
int compared(const hqa::core::Label& golden, const hqa::core::Label& predicted)
{
    int n = 0;
    for (size_t i = 0; i < golden.size(); ++i)
        n += golden[i] >= 0 && predicted[i] >= 0 ? 1 : 0;
    return n;
}

} // namespace

GoldenSetView::GoldenSetView(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Show:"), this));
    m_filterBox = new QComboBox(this);
    m_filterBox->addItem(tr("All photos"));
    m_filterBox->addItem(tr("Not yet verified"));
    m_filterBox->addItem(tr("Golden label differs from prediction"));
    bar->addWidget(m_filterBox);
    bar->addStretch(1);
    auto* importButton = new QPushButton(tr("&Import labels.csv..."), this);
    auto* exportButton = new QPushButton(tr("&Export labels.csv..."), this);
    bar->addWidget(importButton);
    bar->addWidget(exportButton);
    layout->addLayout(bar);

    m_table = new QTableWidget(0, kColumns, this);
    QStringList headers{tr("Photo"), tr("Verified")};
    for (Attribute a : kAllAttributes)
        headers << QStringLiteral("%1 %2").arg(hqa::core::index(a) + 1).arg(hqa::core::attributeName(a));
    headers << tr("Prediction") << tr("Agreement");
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(kColPhoto, QHeaderView::Stretch);
    m_table->installEventFilter(this);
    layout->addWidget(m_table, 1);

    m_status = new QLabel(tr("Keys 1-6 toggle the current photo's attributes, Space marks it verified."), this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    connect(m_filterBox, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this](int index) { setFilter(static_cast<Filter>(index)); });
    connect(m_table, &QTableWidget::cellClicked, this, [this](int row, int column) {
        if (column >= kColFirstAttribute && column < kColPrediction)
            toggle(row, kAllAttributes[size_t(column - kColFirstAttribute)]);
        else if (column == kColVerified)
            markVerified(row);
    });
    connect(importButton, &QPushButton::clicked, this, &GoldenSetView::chooseImport);
    connect(exportButton, &QPushButton::clicked, this, &GoldenSetView::chooseExport);
}

void GoldenSetView::setStore(hqa::core::ProjectStore* store)
{
    m_store = store;
    reload();
}

void GoldenSetView::reload()
{
    // Toggles on rows not yet verified live only here: keep them across reloads (new verdicts arrive while the
    // reviewer works) instead of resetting them to the prediction.
    QHash<hqa::core::PhotoId, hqa::core::Label> drafts;
    for (const Row& row : m_rows)
        if (!row.verified && row.label != row.photo.label)
            drafts.insert(row.photo.id, row.label);
    m_rows.clear();
    m_assessments.reset();
    ++m_similarRequest; // an answer still on its way is about the old rows
    auto assessments = std::make_shared<std::vector<hqa::core::Assessment>>();
    m_table->setRowCount(0);
    if (!m_store)
        return;
    auto photos = m_store->photos();
    auto golden = m_store->goldenLabels();
    if (!photos || !golden) {
        showStatus(tr("Cannot read the project: %1").arg(!photos ? photos.error().detail : golden.error().detail));
        return;
    }
    QHash<hqa::core::PhotoId, hqa::core::Label> goldenById;
    for (const auto& g : *golden)
        goldenById.insert(g.photoId, g.label);
    // The Prediction column is the engine's verdict, not the photo's effective label: corrections (and an
    // accepted golden label) are the reviewer's, and comparing the golden label with them always "agrees".
    struct EngineVerdict {
        std::optional<hqa::core::Label> label;
        QString problem;
        hqa::core::Assessment assessment;
    };
    QHash<hqa::core::PhotoId, EngineVerdict> engineById;
    m_store->forEachLatestAssessment([&engineById](const hqa::core::StoredAssessment& s) {
        EngineVerdict v;
        if (s.assessment.ok()) {
            v.label = hqa::core::labelOf(s.assessment);
            v.assessment = s.assessment;
            v.assessment.face.reset(); // the evidence is compared, not the landmarks
        } else {
            v.problem = errorSentence(*s.assessment.error);
        }
        engineById.insert(s.photoId, std::move(v));
    });
    for (const auto& p : *photos) {
        Row row;
        row.photo = p;
        const auto e = engineById.find(p.id);
        if (e != engineById.end()) {
            row.assessed = true;
            row.engine = e->label;
            row.engineProblem = e->problem;
        }
        const auto it = goldenById.constFind(p.id);
        row.verified = it != goldenById.constEnd();
        // An unverified row starts from the prediction: the reviewer only flips what the engine got wrong.
        row.label = row.verified ? *it : drafts.value(p.id, p.label);
        m_rows.push_back(row);
        // Moved, not copied: the evidence of a large project is held once.
        assessments->push_back(e != engineById.end() ? std::move(e->assessment) : hqa::core::Assessment{});
    }
    m_assessments = std::move(assessments);
    m_table->setRowCount(int(m_rows.size()));
    for (int r = 0; r < int(m_rows.size()); ++r)
        fillRow(r);
    updateSimilar();
    applyFilter();
}

void GoldenSetView::updateSimilar()
{
    // Only verified labels speak for the set: an unverified row still mostly repeats the prediction.
    std::vector<hqa::core::Label> labels;
    labels.reserve(m_rows.size());
    for (const Row& row : m_rows)
        labels.push_back(row.verified ? row.label : hqa::core::kUnknownLabel);
    const quint64 request = ++m_similarRequest;
    if (!m_assessments || m_assessments->size() != labels.size())
        return;
    QPointer<GoldenSetView> guard(this);
    (void)QtConcurrent::run([guard, request, labels = std::move(labels), assessments = m_assessments] {
        std::vector<hqa::core::LabelDoubt> doubts = hqa::core::rankLabelDoubts(labels, *assessments);
        // Delivered through the application object, which outlives the view: the guard is read on the GUI thread
        // only.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [guard, request, doubts = std::move(doubts)] {
                if (guard && request == guard->m_similarRequest)
                    guard->applySimilar(doubts);
            },
            Qt::QueuedConnection);
    });
}

void GoldenSetView::applySimilar(const std::vector<hqa::core::LabelDoubt>& doubts)
{
    std::vector<std::array<QString, kAttributeCount>> similar(m_rows.size());
    for (const hqa::core::LabelDoubt& d : doubts)
        if (d.similar > 0 && size_t(d.photo) < similar.size())
            similar[size_t(d.photo)][size_t(hqa::core::index(d.attribute))] =
                tr("%1 of the %2 most similar verified photos say %3")
                    .arg(d.similarAgainst)
                    .arg(d.similar)
                    .arg(valueText(1 - d.label));
    for (int r = 0; r < int(m_rows.size()); ++r)
        if (m_rows[size_t(r)].similar != similar[size_t(r)]) {
            m_rows[size_t(r)].similar = similar[size_t(r)];
            fillRow(r);
        }
    Q_EMIT similarUpdated();
}

void GoldenSetView::fillRow(int r)
{
    const Row& row = m_rows[size_t(r)];
    const auto set = [&](int column, const QString& text, const QString& tip = {}) {
        auto* item = m_table->item(r, column);
        if (!item) {
            item = new QTableWidgetItem;
            m_table->setItem(r, column, item);
        }
        item->setText(text);
        item->setToolTip(tip);
        return item;
    };
    set(kColPhoto, QFileInfo(row.photo.path).fileName(), row.photo.path);
    set(kColVerified, row.verified ? tr("verified") : tr("not verified"),
        tr("Click or press Space to store this label as verified"));
    for (int i = 0; i < kAttributeCount; ++i)
        set(kColFirstAttribute + i, valueText(row.label[size_t(i)]), tr("Click or press %1 to toggle").arg(i + 1));
    if (row.engine)
        set(kColPrediction, hqa::core::labelToString(*row.engine), tr("The engine's verdict, before any correction"));
    else if (row.assessed)
        set(kColPrediction, tr("no verdict"), row.engineProblem);
    else
        set(kColPrediction, tr("not assessed"));
    const std::vector<Attribute> diff = row.engine ? differences(row.label, *row.engine) : std::vector<Attribute>();
    QString agreementText, agreementTip;
    if (!diff.empty()) {
        QStringList words;
        for (Attribute a : diff) {
            const QString key = QString::fromLatin1(hqa::core::attributeKey(a).data());
            const QString& similar = row.similar[size_t(hqa::core::index(a))];
            words << (similar.isEmpty() ? key : QStringLiteral("%1 (%2)").arg(key, similar));
        }
        agreementText = tr("differs: %1").arg(words.join(QStringLiteral(", ")));
        agreementTip = tr("The most similar verified photos are those the engine measured most alike on that "
                          "attribute. A label they contradict is worth re-checking; one they share points to a "
                          "mistake of the engine.");
    } else if (!row.engine)
        agreementText = row.assessed ? tr("no engine verdict to compare: %1").arg(row.engineProblem)
                                     : tr("not assessed yet, nothing to compare");
    else if (compared(row.label, *row.engine) == 0)
        agreementText = tr("nothing to compare: no attribute is known in both");
    else
        agreementText = tr("agrees");
    auto* agreement = set(kColAgreement, agreementText, agreementTip);
    // Icon plus words, so the disagreement does not depend on seeing colour.
    agreement->setIcon(diff.empty() ? QIcon() : style()->standardIcon(QStyle::SP_MessageBoxWarning));
    const QBrush background = diff.empty() ? QBrush() : QBrush(QColor(255, 235, 200));
    for (int c = 0; c < kColumns; ++c)
        m_table->item(r, c)->setBackground(background);
}

void GoldenSetView::setFilter(Filter filter)
{
    m_filter = filter;
    if (m_filterBox->currentIndex() != int(filter))
        m_filterBox->setCurrentIndex(int(filter));
    applyFilter();
}

void GoldenSetView::applyFilter()
{
    for (int r = 0; r < int(m_rows.size()); ++r) {
        bool show = true;
        if (m_filter == Filter::Unverified)
            show = !m_rows[size_t(r)].verified;
        else if (m_filter == Filter::Disagreeing)
            show = disagrees(r);
        m_table->setRowHidden(r, !show);
    }
}

void GoldenSetView::toggle(int r, Attribute attribute)
{
    if (r < 0 || r >= int(m_rows.size()))
        return;
    Row& row = m_rows[size_t(r)];
    auto& v = row.label[size_t(hqa::core::index(attribute))];
    v = v == 1 ? 0 : v == 0 ? -1 : 1;
    if (row.verified && m_store) {
        if (auto err = m_store->setGoldenLabel(row.photo.id, row.label, hqa::core::defaultReviewerName()))
            showStatus(tr("Cannot store the golden label: %1").arg(err->detail));
        else
            Q_EMIT goldenChanged();
    }
    fillRow(r);
    if (row.verified)
        updateSimilar();
}

bool GoldenSetView::markVerified(int r)
{
    if (!m_store || r < 0 || r >= int(m_rows.size()))
        return false;
    Row& row = m_rows[size_t(r)];
    if (auto err = m_store->setGoldenLabel(row.photo.id, row.label, hqa::core::defaultReviewerName())) {
        showStatus(tr("Cannot store the golden label: %1").arg(err->detail));
        return false;
    }
    row.verified = true;
    fillRow(r);
    updateSimilar();
    Q_EMIT goldenChanged();
    return true;
}

bool GoldenSetView::eventFilter(QObject* watched, QEvent* event)
{
    // Inside the main window, keys 1-6 are also the review's "flip verdict" shortcuts: claim them (and Space)
    // while the table has focus, so that they toggle this table's row and never correct the photo shown in the
    // Review tab.
    if (watched == m_table && event->type() == QEvent::ShortcutOverride) {
        auto* key = static_cast<QKeyEvent*>(event);
        if ((key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier
            && ((key->key() >= Qt::Key_1 && key->key() <= Qt::Key_6) || key->key() == Qt::Key_Space)) {
            event->accept();
            return true;
        }
    }
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        const int r = m_table->currentRow();
        if (key->key() >= Qt::Key_1 && key->key() <= Qt::Key_6 && r >= 0) {
            toggle(r, kAllAttributes[size_t(key->key() - Qt::Key_1)]);
            return true;
        }
        if (key->key() == Qt::Key_Space && r >= 0) {
            markVerified(r);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QString GoldenSetView::exportCsv(const QString& path)
{
    if (!m_store)
        return tr("No project is open.");
    auto set = m_store->labelSet(hqa::core::LabelSource::Golden, QFileInfo(path).absolutePath());
    if (!set)
        return set.error().detail;
    if (auto err = hqa::core::writeLabelFile(path, *set))
        return err->detail;
    showStatus(tr("Exported %n golden label(s) to %1.", nullptr, int(set->rows.size())).arg(path));
    return {};
}

GoldenSetView::ImportResult GoldenSetView::importCsv(const QString& path)
{
    ImportResult result;
    if (!m_store) {
        result.error = tr("No project is open.");
        return result;
    }
    auto set = hqa::core::readLabelFile(path);
    if (!set) {
        result.error = set.error().detail;
        showStatus(tr("Cannot import %1: %2").arg(path, result.error));
        return result;
    }
    const QString reviewer = hqa::core::defaultReviewerName();
    for (const auto& row : set->rows) {
        std::optional<hqa::core::PhotoRecord> photo;
        if (auto byPath = m_store->photoByPath(QFileInfo(row.path).absoluteFilePath()); byPath && *byPath) {
            photo = **byPath;
            ++result.matchedByPath;
        } else if (const QString hash = hqa::core::fileSha256(row.path); !hash.isEmpty()) {
            // The file may have been renamed or copied since it was added: the content still identifies it.
            if (auto byHash = m_store->photoBySha256(hash); byHash && *byHash) {
                photo = **byHash;
                ++result.matchedByHash;
            }
        }
        if (!photo) {
            result.unmatched << tr("line %1: %2").arg(row.line).arg(row.file);
            continue;
        }
        if (auto err = m_store->setGoldenLabel(photo->id, row.label, reviewer)) {
            result.unmatched << tr("line %1: %2 (%3)").arg(row.line).arg(row.file, err->detail);
            continue;
        }
    }
    reload();
    Q_EMIT goldenChanged();
    QString text = tr("Imported %1 golden label(s) (%2 by path, %3 by content).")
                       .arg(result.matchedByPath + result.matchedByHash)
                       .arg(result.matchedByPath)
                       .arg(result.matchedByHash);
    if (!result.unmatched.isEmpty())
        text += QLatin1Char(' ')
            + tr("%1 row(s) match no photo of the project: %2")
                  .arg(result.unmatched.size())
                  .arg(result.unmatched.join(QStringLiteral("; ")));
    showStatus(text);
    return result;
}

void GoldenSetView::chooseExport()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export golden labels"), QStringLiteral("labels.csv"),
                                                      tr("Label files (*.csv)"));
    if (path.isEmpty())
        return;
    if (const QString problem = exportCsv(path); !problem.isEmpty())
        showStatus(tr("Cannot export: %1").arg(problem));
}

void GoldenSetView::chooseImport()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import golden labels"), QString(),
                                                      tr("Label files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        importCsv(path);
}

void GoldenSetView::showStatus(const QString& text) { m_status->setText(text); }

QString GoldenSetView::statusText() const { return m_status->text(); }

int GoldenSetView::rowCount() const { return int(m_rows.size()); }

hqa::core::PhotoId GoldenSetView::photoAt(int r) const { return m_rows.at(size_t(r)).photo.id; }

hqa::core::Label GoldenSetView::labelAt(int r) const { return m_rows.at(size_t(r)).label; }

bool GoldenSetView::isVerified(int r) const { return m_rows.at(size_t(r)).verified; }

bool GoldenSetView::disagrees(int r) const
{
    const Row& row = m_rows.at(size_t(r));
    return row.engine && !differences(row.label, *row.engine).empty();
}

} // namespace hqa::ui
