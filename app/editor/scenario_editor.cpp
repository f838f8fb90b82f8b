// The editor's frame: the draft, the undo stack, the bound fields, Apply and the keys.
#include "app/editor/scenario_editor.h"

#include "app/editor/number_field.h"
#include "app/text/scenario_error_text.h"
#include "core/scenario/scenario_builder.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QMenu>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QScreen>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace finwave::app {

// A snapshot of the draft before and after one edit: undo and redo restore the scenario exactly,
// whatever the edit was (a field, a list entry added, removed or moved, a new template).
class DraftCommand : public QUndoCommand {
public:
    DraftCommand(ScenarioEditor* editor, QString key, int burst, Scenario before, Scenario after, const QString& text)
        : QUndoCommand(text), m_editor(editor), m_key(std::move(key)), m_burst(burst), m_before(std::move(before)),
          m_after(std::move(after)) {}
    int id() const override { return m_key.isEmpty() ? -1 : 1; }
    bool mergeWith(const QUndoCommand* other) override {
        const auto* o = static_cast<const DraftCommand*>(other);
        if (o->m_key != m_key || o->m_burst != m_burst)
            return false;
        m_after = o->m_after;
        return true;
    }
    void undo() override { m_editor->setDraft(m_before, false); }
    void redo() override {
        m_editor->setDraft(m_after, m_first);  // the first time, keep what the user is typing
        m_first = false;
    }

private:
    ScenarioEditor* m_editor;
    QString m_key;
    int m_burst;
    Scenario m_before, m_after;
    bool m_first = true;
};

ScenarioEditor::ScenarioEditor(QWidget* parent) : QDialog(parent), m_undo(new QUndoStack(this)) {
    setObjectName(QStringLiteral("scenarioEditor"));
    setSizeGripEnabled(true);
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QMenuBar(this);
    layout->setMenuBar(bar);
    m_undoAction = m_undo->createUndoAction(this, tr("&Undo"));
    m_redoAction = m_undo->createRedoAction(this, tr("&Redo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(QKeySequence::Redo)});
    QMenu* edit = bar->addMenu(QString());
    edit->setObjectName(QStringLiteral("editMenu"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    addAction(m_undoAction);
    addAction(m_redoAction);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildGeneral(), QString());
    m_tabs->addTab(buildEndpoints(), QString());
    m_tabs->addTab(buildActions(), QString());
    m_tabs->addTab(buildNetwork(), QString());
    m_tabs->addTab(buildProtocol(), QString());
    layout->addWidget(m_tabs, 1);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto* buttons = new QHBoxLayout;
    m_new = new QPushButton(this);
    m_undoButton = new QPushButton(this);
    m_redoButton = new QPushButton(this);
    m_revert = new QPushButton(this);
    m_apply = new QPushButton(this);
    m_close = new QPushButton(this);
    m_apply->setObjectName(QStringLiteral("apply"));
    m_apply->setDefault(true);
    for (QPushButton* b : {m_new, m_undoButton, m_redoButton, m_revert, m_close})
        b->setAutoDefault(false);
    buttons->addWidget(m_new);
    buttons->addWidget(m_undoButton);
    buttons->addWidget(m_redoButton);
    buttons->addStretch(1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_apply);
    buttons->addWidget(m_close);
    layout->addLayout(buttons);
    connect(m_new, &QPushButton::clicked, this, &ScenarioEditor::newScenario);
    connect(m_undoButton, &QPushButton::clicked, m_undo, &QUndoStack::undo);
    connect(m_redoButton, &QPushButton::clicked, m_undo, &QUndoStack::redo);
    connect(m_undo, &QUndoStack::canUndoChanged, m_undoButton, &QPushButton::setEnabled);
    connect(m_undo, &QUndoStack::canRedoChanged, m_redoButton, &QPushButton::setEnabled);
    connect(m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { setWindowModified(!clean); });
    connect(m_revert, &QPushButton::clicked, this, &ScenarioEditor::revert);
    connect(m_apply, &QPushButton::clicked, this, &ScenarioEditor::apply);
    connect(m_close, &QPushButton::clicked, this, &QDialog::close);
    m_undoButton->setEnabled(false);
    m_redoButton->setEnabled(false);
    // Merging of typed edits ends where the focus moves.
    connect(qApp, &QApplication::focusChanged, this, [this] { ++m_burst; });
    // Ctrl+Z in a line edit undoes the scenario edit, not only the line edit's own text.
    for (QLineEdit* e : findChildren<QLineEdit*>())
        e->installEventFilter(this);
    retranslate();
    setScenario(blankScenario());
}

void ScenarioEditor::showPage(int index) { m_tabs->setCurrentIndex(index);
}

ScenarioEditor::~ScenarioEditor() {
    // The stack's commands refer to the editor; clear them while it is whole.
    disconnect(qApp, nullptr, this, nullptr);
    m_undo->clear();
}

// Each command keeps the scenario before and after, so the history is bounded by memory: about
// 64 MB of snapshots, at most 1000 steps (a built-in: 1000; 20 000 actions: about 50).
static int undoLimitFor(const Scenario& s) {
    std::size_t bytes = sizeof(Scenario) + s.name.size() + s.title.size() + s.description.size() +
                        s.actions.size() * sizeof(AppAction) + s.faults.size() * sizeof(Fault);
    return static_cast<int>(std::clamp<std::size_t>((64u << 20) / (2 * bytes), 20, 1000));
}

void ScenarioEditor::setScenario(const Scenario& scenario) {
    m_base = scenario;
    m_appliedIndex = 0;
    m_undo->clear();
    m_undo->setUndoLimit(undoLimitFor(scenario));
    setDraft(scenario, false);
    m_undo->setClean();
    setWindowModified(false);
}

bool ScenarioEditor::hasPendingChanges() const { return !m_undo->isClean(); }

void ScenarioEditor::edit(const QString& mergeKey, const QString& what, const std::function<void(Scenario&)>& change) {
    Scenario after = m_draft;
    change(after);
    m_undo->push(new DraftCommand(this, mergeKey, m_burst, m_draft, std::move(after), what));
}

void ScenarioEditor::setDraft(const Scenario& s, bool keepTyped) {
    m_draft = s;
    refresh(keepTyped);
}

void ScenarioEditor::refresh(bool keepTyped) {
    const auto clamp = [](int row, std::size_t size) {
        return size == 0 ? -1 : std::clamp(row < 0 ? 0 : row, 0, static_cast<int>(size) - 1);
    };
    m_actionRow = clamp(m_actionRow, m_draft.actions.size());
    m_faultRow = clamp(m_faultRow, m_draft.faults.size());
    refreshLists();
    for (const auto& r : m_refreshers)
        r(keepTyped);
    validate();
}

void ScenarioEditor::validate() {
    // Across fields, as the reader checks after the fields: the RTO order, then the budgets.
    const auto rto = checkRtoOrder(m_draft.params, "params.rto_min_ms");
    m_rtoMin->setCrossError(rto);
    const auto budget = checkScenarioBudgets(m_draft);
    m_budget->setText(budget ? tr("Field '%1': %2").arg(QString::fromStdString(budget->field), scenarioErrorReason(*budget))
                             : QString());
    m_budget->setVisible(budget.has_value());
    int wrong = 0;
    for (NumberField* f : m_numbers)
        wrong += f->isValid() ? 0 : 1;
    if (budget)
        ++wrong;
    m_apply->setEnabled(wrong == 0);
    m_status->setText(wrong == 0 ? QString() : tr("%n field(s) hold a value the scenario file reader would refuse; Apply is off until they are corrected.", "", wrong));
    m_status->setStyleSheet(wrong == 0 ? QString() : QStringLiteral("color: #b00000;"));
    m_status->setVisible(wrong != 0);
}

bool ScenarioEditor::canApply() const { return m_apply->isEnabled(); }

bool ScenarioEditor::apply() {
    if (!canApply() || (m_guard && !m_guard()))
        return false;
    m_base = m_draft;
    // A New scenario among the edits since the last Apply, not undone and not reverted after: the
    // draft is another document. (A flag set by New stayed set through Undo and Revert.)
    bool fromNew = false;
    for (int i = m_undo->index(); i-- > std::min(m_appliedIndex, m_undo->index());) {
        const QString what = m_undo->command(i)->text();
        if (what == tr("Revert"))
            break;
        if (what == tr("New scenario")) {
            fromNew = true;
            break;
        }
    }
    m_appliedIndex = m_undo->index();
    if (fromNew)
        Q_EMIT appliedAsNew();
    // Still unclean while the receiver loads it, so the load does not restart the history here.
    Q_EMIT applied(m_draft);
    m_undo->setClean();
    return true;
}

void ScenarioEditor::newScenario() {
    Scenario blank = blankScenario();
    blank.title = tr("Untitled scenario").toStdString();
    edit(QString(), tr("New scenario"), [&blank](Scenario& s) { s = blank; });
}

void ScenarioEditor::revert() {
    const Scenario base = m_base;
    edit(QString(), tr("Revert"), [&base](Scenario& s) { s = base; });
}

NumberField* ScenarioEditor::number(const QString& key, NumberRule rule, int unit, Get get, Set set, QWidget* parent) {
    auto* f = new NumberField(key, rule, static_cast<NumberField::Unit>(unit), parent);
    m_numbers.push_back(f);
    m_refreshers.push_back([f, get, this](bool keepTyped) { f->showValue(get(m_draft), keepTyped); });
    connect(f, &NumberField::edited, this, [this, f, set](double v) {
        edit(f->key(), tr("Edit %1").arg(f->key()), [&](Scenario& s) { set(s, v); });
    });
    connect(f, &NumberField::validityChanged, this, &ScenarioEditor::validate);
    return f;
}

QCheckBox* ScenarioEditor::check(const QString& key, std::function<bool(const Scenario&)> get,
                                 std::function<void(Scenario&, bool)> set, QWidget* parent) {
    auto* c = new QCheckBox(parent);
    c->setObjectName(key);
    m_refreshers.push_back([c, get, this](bool) {
        const QSignalBlocker block(c);
        c->setChecked(get(m_draft));
    });
    connect(c, &QCheckBox::toggled, this, [this, key, set](bool on) {
        edit(QString(), tr("Edit %1").arg(key), [&](Scenario& s) { set(s, on); });
    });
    return c;
}

QComboBox* ScenarioEditor::choice(const QString& key, const QStringList& items, std::function<int(const Scenario&)> get,
                                  std::function<void(Scenario&, int)> set, QWidget* parent) {
    auto* c = new QComboBox(parent);
    c->setObjectName(key);
    c->addItems(items);
    m_refreshers.push_back([c, get, this](bool) {
        const QSignalBlocker block(c);
        c->setCurrentIndex(get(m_draft));
    });
    connect(c, &QComboBox::currentIndexChanged, this, [this, key, set](int i) {
        if (i >= 0)
            edit(QString(), tr("Edit %1").arg(key), [&](Scenario& s) { set(s, i); });
    });
    return c;
}

QLineEdit* ScenarioEditor::text(const QString& key, std::function<std::string(const Scenario&)> get,
                                std::function<void(Scenario&, const std::string&)> set, QWidget* parent) {
    auto* e = new QLineEdit(parent);
    e->setObjectName(key);
    m_refreshers.push_back([e, get, this](bool keepTyped) {
        const QString v = QString::fromStdString(get(m_draft));
        if (keepTyped || e->text() == v)
            return;
        const QSignalBlocker block(e);
        e->setText(v);
    });
    connect(e, &QLineEdit::textChanged, this, [this, key, set](const QString& t) {
        edit(key, tr("Edit %1").arg(key), [&](Scenario& s) { set(s, t.toStdString()); });
    });
    return e;
}

QLabel* ScenarioEditor::label(QWidget* buddy, const char* source, QWidget* parent) {
    auto* l = new QLabel(parent);
    l->setBuddy(buddy);
    m_texts.emplace_back(l, source);
    return l;
}

bool ScenarioEditor::event(QEvent* e) {
    // The main window's one-key shortcuts (Space plays, D drops, arrows step) must not fire while
    // the user types or ticks a box here: keys without Ctrl or Alt belong to the editor's fields.
    if (e->type() == QEvent::ShortcutOverride) {
        const auto* k = static_cast<QKeyEvent*>(e);
        if (!(k->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)) && k->key() != Qt::Key_Escape &&
            !(k->key() >= Qt::Key_F1 && k->key() <= Qt::Key_F35)) {
            e->accept();
            return true;
        }
    }
    return QDialog::event(e);
}

bool ScenarioEditor::eventFilter(QObject* watched, QEvent* e) {
    if (e->type() == QEvent::ShortcutOverride) {
        const auto* k = static_cast<QKeyEvent*>(e);
        if (k->matches(QKeySequence::Undo) || k->matches(QKeySequence::Redo) ||
            k->keyCombination() == QKeyCombination(Qt::CTRL | Qt::SHIFT, Qt::Key_Z)) {
            e->ignore();  // not the line edit's: the editor's Undo / Redo take it
            return true;
        }
    }
    return QDialog::eventFilter(watched, e);
}

void ScenarioEditor::changeEvent(QEvent* e) {
    QDialog::changeEvent(e);
    if (e->type() == QEvent::LanguageChange)
        retranslate();
}

void ScenarioEditor::setProjector(bool on) {
    if (on == m_projector && m_sized)
        return;  // a size the user chose stays
    m_projector = on;
    m_sized = true;
    QFont f = QApplication::font();
    f.setPointSizeF(on ? 14 : 10);
    setFont(f);
    const QScreen* s = screen() ? screen() : QGuiApplication::primaryScreen();
    const QSize avail = s ? s->availableGeometry().size() : QSize(1280, 720);
    // As large as the page needs, but never past the screen (the pages scroll instead).
    const QSize want = on ? QSize(1180, 680) : QSize(900, 640);
    resize(want.boundedTo(avail - QSize(40, 60)));
}

}  // namespace finwave::app

namespace finwave::app {

void ScenarioEditor::retranslate() {
    setWindowTitle(tr("Scenario editor[*]"));
    m_tabs->setTabText(0, tr("&General"));
    m_tabs->setTabText(1, tr("E&ndpoints"));
    m_tabs->setTabText(2, tr("A&ctions"));
    m_tabs->setTabText(3, tr("Networ&k and faults"));
    m_tabs->setTabText(4, tr("&Protocol"));
    if (QMenu* edit = findChild<QMenu*>(QStringLiteral("editMenu")))
        edit->setTitle(tr("&Edit"));
    m_new->setText(tr("New scenario"));
    m_undoButton->setText(tr("Undo"));
    m_redoButton->setText(tr("Redo"));
    m_revert->setText(tr("Re&vert"));
    m_apply->setText(tr("Appl&y and reset"));
    m_close->setText(tr("Close"));
    for (const auto& [w, source] : m_texts) {
        const QString t = tr(source);
        if (auto* l = qobject_cast<QLabel*>(w))
            l->setText(t);
        else if (auto* b = qobject_cast<QAbstractButton*>(w))
            b->setText(t);
        else if (auto* g = qobject_cast<QGroupBox*>(w))
            g->setTitle(t);
    }
    for (const SideNames& n : m_sideNames) {
        const QString what = tr(n.label).remove(QLatin1Char('&'));
        n.a->setAccessibleName(tr("Endpoint A: %1").arg(what));
        n.b->setAccessibleName(tr("Endpoint B: %1").arg(what));
    }
    refresh(true);
}

}  // namespace finwave::app
