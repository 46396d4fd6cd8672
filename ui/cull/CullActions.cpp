#include "ui/cull/CullActions.h"

#include "ui/MainWindow.h"
#include "ui/grid/PhotoFilterModel.h"
#include "ui/grid/PhotoListModel.h"
#include "ui/worker/AssessmentWorker.h"

#include <QAction>
#include <QComboBox>
#include <QHash>
#include <QItemSelectionModel>
#include <QListView>
#include <QMenu>
#include <QStatusBar>

#include <algorithm>
#include <vector>

namespace hqa::ui {

using namespace hqa::core;

CullActions* CullActions::install(MainWindow* window)
{
    auto* actions = new CullActions(window);
    actions->createActions();
    actions->extendFilterAndSortBoxes();
    return actions;
}

CullActions::CullActions(MainWindow* window)
    : QObject(window)
    , m_window(window)
{
    setObjectName(QStringLiteral("cullActions"));
}

void CullActions::createActions()
{
    QMenu* menu = m_window->editMenu();
    menu->addSeparator();
    const auto add = [this, menu](const QString& name, const QString& text, const QKeySequence& key,
                                  const std::function<void()>& run) {
        QAction* a = menu->addAction(text);
        a->setObjectName(name);
        a->setShortcut(key);
        connect(a, &QAction::triggered, this, run);
        m_actions << a;
    };
    add(QStringLiteral("flagPick"), tr("Flag as pick"), QKeySequence(Qt::Key_P), [this] { setFlag(PickFlag::Accept); });
    add(QStringLiteral("flagReject"), tr("Flag as reject"), QKeySequence(Qt::Key_X),
        [this] { setFlag(PickFlag::Reject); });
    add(QStringLiteral("flagNone"), tr("Unflag"), QKeySequence(Qt::Key_U), [this] { setFlag(PickFlag::None); });
    for (int stars = 0; stars <= kMaxStars; ++stars)
        add(QStringLiteral("stars%1").arg(stars),
            stars == 0 ? tr("Rating: no stars") : tr("Rating: %n star(s)", nullptr, stars),
            QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + stars)), [this, stars] { setStars(stars); });
    const std::pair<ColourLabel, QString> colours[] = {
        {ColourLabel::Red, tr("Colour label: red")},       {ColourLabel::Yellow, tr("Colour label: yellow")},
        {ColourLabel::Green, tr("Colour label: green")},   {ColourLabel::Blue, tr("Colour label: blue")},
        {ColourLabel::Purple, tr("Colour label: purple")},
    };
    for (const auto& [colour, text] : colours) {
        const auto c = colour;
        const QKeySequence key = c == ColourLabel::Purple
            ? QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_9)
            : QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_6 + int(c) - int(ColourLabel::Red)));
        add(QStringLiteral("colour_%1").arg(colourLabelKey(c)), text, key, [this, c] { toggleColour(c); });
    }
}

void CullActions::extendFilterAndSortBoxes()
{
    // The grid's boxes hand each item's data, {filter or sort, attribute}, to the filter model.
    if (auto* box = m_window->findChild<QComboBox*>(QStringLiteral("filterBox"))) {
        using F = PhotoFilterModel::Filter;
        const std::pair<F, QString> filters[] = {
            {F::Picked, tr("Picked")},
            {F::Rejected, tr("Rejected")},
            {F::Unflagged, tr("Unflagged")},
            {F::ThreeStarsOrMore, tr("3 stars or more")},
            {F::ColourRed, tr("Colour label: red")},
            {F::ColourYellow, tr("Colour label: yellow")},
            {F::ColourGreen, tr("Colour label: green")},
            {F::ColourBlue, tr("Colour label: blue")},
            {F::ColourPurple, tr("Colour label: purple")},
        };
        box->insertSeparator(box->count());
        for (const auto& [filter, text] : filters)
            box->addItem(text, QVariantList{int(filter), 0});
    }
    if (auto* box = m_window->findChild<QComboBox*>(QStringLiteral("sortBox")))
        box->addItem(tr("Sort by rating (most stars first)"), QVariantList{int(PhotoFilterModel::Sort::Rating), 0});
}

bool CullActions::setFlag(PickFlag flag)
{
    return apply([flag](CullMarks& m) { m.flag = flag; },
                 [flag](int n) {
                     return flag == PickFlag::Accept ? tr("Flagged %n photo(s) as picks.", nullptr, n)
                         : flag == PickFlag::Reject  ? tr("Flagged %n photo(s) as rejects.", nullptr, n)
                                                     : tr("Removed the flag of %n photo(s).", nullptr, n);
                 });
}

bool CullActions::setStars(int stars)
{
    stars = std::clamp(stars, 0, kMaxStars);
    return apply([stars](CullMarks& m) { m.stars = stars; },
                 [stars](int n) {
                     return stars == 0
                         ? tr("Removed the stars of %n photo(s).", nullptr, n)
                         : tr("Rated %n photo(s) with %1.", nullptr, n).arg(tr("%n star(s)", nullptr, stars));
                 });
}

bool CullActions::toggleColour(ColourLabel colour)
{
    ProjectStore* store = m_window->store();
    bool allHaveIt = store != nullptr;
    if (store) {
        for (const QString& file : m_window->selectedFiles()) {
            auto p = store->photoByPath(file);
            auto m = p && *p ? store->marks((*p)->id) : Expected<CullMarks>(CullMarks{});
            allHaveIt = allHaveIt && m && m->colour == colour;
        }
        allHaveIt = allHaveIt && !m_window->selectedFiles().isEmpty();
    }
    const ColourLabel wanted = allHaveIt ? ColourLabel::None : colour;
    return apply([wanted](CullMarks& m) { m.colour = wanted; },
                 [wanted](int n) {
                     return wanted == ColourLabel::None ? tr("Removed the colour label of %n photo(s).", nullptr, n)
                                                        : tr("Set the colour label of %n photo(s).", nullptr, n);
                 });
}

bool CullActions::apply(const std::function<void(CullMarks&)>& change, const std::function<QString(int)>& done)
{
    QStatusBar* status = m_window->statusBar();
    ProjectStore* store = m_window->store();
    if (!store) {
        status->showMessage(tr("Open a project first."));
        return false;
    }
    if (store->isReadOnly()) {
        status->showMessage(tr("The project is open read-only: %1").arg(store->readOnlyReason()));
        return false;
    }
    PhotoListModel* model = m_window->photoModel();
    QHash<QString, PhotoId> idOfPath;
    for (int r = 0; r < model->rowCount(); ++r)
        if (const PhotoRow* row = model->rowAt(r); row && row->id > 0)
            idOfPath.insert(row->path, row->id);
    std::vector<PhotoId> ids;
    for (const QString& file : m_window->selectedFiles())
        if (const PhotoId id = idOfPath.value(file, 0); id > 0 && std::find(ids.begin(), ids.end(), id) == ids.end())
            ids.push_back(id);
    const QModelIndex current = m_window->gridView()->currentIndex();
    const PhotoId currentId = current.isValid() ? current.data(PhotoListModel::PhotoIdRole).toLongLong() : 0;
    if (ids.empty() && currentId > 0)
        ids.push_back(currentId);
    if (ids.empty()) {
        status->showMessage(tr("Select the photos to flag, rate or label first."));
        return false;
    }

    std::vector<std::pair<PhotoId, CullMarks>> items;
    for (PhotoId id : ids) {
        auto marks = store->marks(id);
        if (!marks) {
            status->showMessage(tr("Could not read the flags and ratings: %1").arg(errorSentence(marks.error())));
            return false;
        }
        CullMarks m = *marks;
        change(m);
        items.emplace_back(id, m);
    }
    auto step = store->setMarks(items, defaultReviewerName());
    if (!step) {
        status->showMessage(tr("Could not save the flags and ratings: %1").arg(errorSentence(step.error())));
        return false;
    }
    if (*step == 0) {
        status->showMessage(tr("Nothing to change: the selected photos are marked so already."));
        return false;
    }

    // refreshFromStore() reloads the grid (and the undo action); the selection is put back afterwards, minus photos
    // the filter now hides (a photo flagged as a reject leaves the "Picked" view, as in Lightroom).
    m_window->refreshFromStore();
    QListView* grid = m_window->gridView();
    QItemSelection selection;
    for (PhotoId id : ids) {
        const int row = model->rowOf(id);
        const QModelIndex proxy = row >= 0 ? m_window->filterModel()->mapFromSource(model->index(row, 0))
                                           : QModelIndex();
        if (proxy.isValid())
            selection.select(proxy, proxy);
    }
    grid->selectionModel()->select(selection, QItemSelectionModel::Select);
    status->showMessage(done(int(ids.size())), 5000);
    return true;
}

} // namespace hqa::ui
