// The editor's two lists: the applications' actions and the faults. Each is a list of one-line
// summaries with Add, Remove, Up and Down, and a form below for the selected entry.
#include "app/editor/editor_pages.h"
#include "app/editor/number_field.h"
#include "app/editor/scenario_editor.h"

#include "core/protocol/names.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>

namespace finwave::app {

namespace {
constexpr int kMillis = static_cast<int>(NumberField::Unit::Millis);
constexpr int kInteger = static_cast<int>(NumberField::Unit::Integer);

template <class E>
QStringList namesOf(std::span<const Named<E>> table) {
    QStringList out;
    for (const Named<E>& n : table)
        out << QString::fromUtf8(n.name.data(), static_cast<qsizetype>(n.name.size()));
    return out;
}
template <class E>
int indexOf(std::span<const Named<E>> table, E value) {
    for (std::size_t i = 0; i < table.size(); ++i)
        if (table[i].value == value)
            return static_cast<int>(i);
    return 0;
}
QString ms(Micros t) { return QString::number(static_cast<double>(t) / 1000.0, 'g', 15); }
QString name(std::string_view n) { return QString::fromUtf8(n.data(), static_cast<qsizetype>(n.size())); }

// One line per entry, in the file's own words: "2. B send 100 after-eof + 300 ms".
QString summary(std::size_t i, const AppAction& a) {
    QString out = QStringLiteral("%1. %2 %3").arg(i + 1).arg(name(sideName(a.side)), name(actionKindName(a.kind)));
    if (a.kind == AppAction::Kind::Send)
        out += QStringLiteral(" %1").arg(a.bytes);
    out += QStringLiteral("  %1 + %2 ms").arg(name(triggerName(a.trigger)), ms(a.delay));
    if (a.iss)
        out += QStringLiteral("  iss %1").arg(*a.iss);
    return out;
}
QString summary(std::size_t i, const Fault& f) {
    QString out = QStringLiteral("%1. %2 %3").arg(i + 1).arg(name(faultKindName(f.kind)), name(directionName(f.dir)));
    switch (f.kind) {
    case Fault::Kind::DropNth: {
        QStringList flags;
        for (const auto& [bit, n] : flagNames())
            if (f.flags & bit)
                flags << name(n);
        out += QStringLiteral("  n %1").arg(f.n);
        if (!flags.isEmpty())
            out += QStringLiteral("  [%1]%2").arg(flags.join(QLatin1Char(',')), f.exactFlags ? QStringLiteral(" =") : QString());
        break;
    }
    case Fault::Kind::DuplicateNth: out += QStringLiteral("  n %1  + %2 ms").arg(f.n).arg(ms(f.extraDelay)); break;
    case Fault::Kind::InjectRst: out += QStringLiteral("  at %1 ms  seq %2").arg(ms(f.at)).arg(f.seqOffset); break;
    case Fault::Kind::DropFirstMatching: {
        QStringList flags;
        for (const auto& [bit, n] : flagNames())
            if (f.flags & bit)
                flags << name(n);
        out += QStringLiteral("  [%1]%2 × %3").arg(flags.join(QLatin1Char(',')), f.exactFlags ? QStringLiteral(" =") : QString()).arg(f.count);
        break;
    }
    }
    return out;
}

// Entry by entry, field by field (the core's structs have no operator==): a keystroke elsewhere
// then costs no re-listing of 20 000 summaries.
bool same(const AppAction& x, const AppAction& y) {
    return x.side == y.side && x.kind == y.kind && x.trigger == y.trigger && x.delay == y.delay && x.bytes == y.bytes &&
           x.iss == y.iss;
}
bool same(const Fault& x, const Fault& y) {
    return x.kind == y.kind && x.dir == y.dir && x.n == y.n && x.flags == y.flags && x.exactFlags == y.exactFlags &&
           x.count == y.count && x.extraDelay == y.extraDelay && x.at == y.at && x.seqOffset == y.seqOffset;
}
template <class E>
bool same(const std::vector<E>& x, const std::vector<E>& y) {
    return x.size() == y.size() && std::equal(x.begin(), x.end(), y.begin(), [](const E& a, const E& b) { return same(a, b); });
}

template <class T>
void moveEntry(std::vector<T>& list, int from, int to) {
    const T entry = list[static_cast<std::size_t>(from)];
    list.erase(list.begin() + from);
    list.insert(list.begin() + to, entry);
}
}  // namespace

// Add, Remove, Up, Down for one list; each one undoable step that keeps the entry selected.
void ScenarioEditor::listButtons(QWidget* parent, QBoxLayout* into, bool actions) {
    auto* add = texted(new QPushButton(parent), actions ? QT_TR_NOOP("Add ac&tion") : QT_TR_NOOP("Add &fault"));
    auto* remove = texted(new QPushButton(parent), QT_TR_NOOP("Re&move"));
    auto* up = texted(new QPushButton(parent), QT_TR_NOOP("Move &up"));
    auto* down = texted(new QPushButton(parent), QT_TR_NOOP("Move do&wn"));
    const QString list = actions ? QStringLiteral("actions.") : QStringLiteral("faults.");
    add->setObjectName(list + QStringLiteral("add"));
    remove->setObjectName(list + QStringLiteral("remove"));
    up->setObjectName(list + QStringLiteral("up"));
    down->setObjectName(list + QStringLiteral("down"));
    for (QPushButton* b : {add, remove, up, down}) {
        b->setAutoDefault(false);
        into->addWidget(b);
        m_listButtons.push_back(b);
    }
    into->addStretch(1);
    int* row = actions ? &m_actionRow : &m_faultRow;  // the selected entry of this list
    connect(add, &QPushButton::clicked, this, [this, actions, row] {
        const int at = *row + 1;
        *row = at;
        edit(QString(), tr("Add an entry"), [&](Scenario& s) {
            if (actions)
                s.actions.insert(s.actions.begin() + at, AppAction{});
            else
                s.faults.insert(s.faults.begin() + at, Fault{});
        });
    });
    connect(remove, &QPushButton::clicked, this, [this, actions, row] {
        if (*row < 0)
            return;
        const int at = *row;
        edit(QString(), tr("Remove an entry"), [&](Scenario& s) {
            if (actions)
                s.actions.erase(s.actions.begin() + at);
            else
                s.faults.erase(s.faults.begin() + at);
        });
    });
    const auto move = [this, actions, row](int by) {
        const int size = static_cast<int>(actions ? m_draft.actions.size() : m_draft.faults.size());
        const int from = *row, to = *row + by;
        if (from < 0 || to < 0 || to >= size)
            return;
        *row = to;
        edit(QString(), tr("Move an entry"), [&](Scenario& s) {
            actions ? moveEntry(s.actions, from, to) : moveEntry(s.faults, from, to);
        });
    };
    connect(up, &QPushButton::clicked, this, [move] { move(-1); });
    connect(down, &QPushButton::clicked, this, [move] { move(1); });
}

QWidget* ScenarioEditor::buildActions() {
    auto* page = new QWidget;
    auto* column = new QVBoxLayout(page);
    m_actionList = new QListWidget(page);
    m_actionList->setObjectName(QStringLiteral("actions"));
    auto* listLabel = label(m_actionList, QT_TR_NOOP("Application &actions, in the order they are scripted:"), page);
    column->addWidget(listLabel);
    auto* row = new QHBoxLayout;
    row->addWidget(m_actionList, 1);
    auto* buttons = new QVBoxLayout;
    listButtons(page, buttons, true);
    row->addLayout(buttons);
    column->addLayout(row, 1);
    m_budget = new QLabel(page);
    m_budget->setWordWrap(true);
    m_budget->setStyleSheet(QStringLiteral("color: #b00000;"));
    column->addWidget(m_budget);
    connect(m_actionList, &QListWidget::currentRowChanged, this, [this](int r) {
        if (r < 0)
            return;
        m_actionRow = r;
        refresh(false);
    });

    m_actionForm = texted(new QGroupBox(page), QT_TR_NOOP("Selected action"));
    auto* form = new QFormLayout(m_actionForm);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    // The form is off without a selection; should an edit still come, it lands in a scratch entry.
    const auto at = [this](Scenario& s) -> AppAction& {
        static AppAction scratch;
        return m_actionRow < 0 || static_cast<std::size_t>(m_actionRow) >= s.actions.size()
                   ? scratch : s.actions[static_cast<std::size_t>(m_actionRow)];
    };
    const auto atc = [this](const Scenario& s) -> AppAction {
        return m_actionRow < 0 ? AppAction{} : s.actions[static_cast<std::size_t>(m_actionRow)];
    };
    QComboBox* side = choice(QStringLiteral("actions[].side"), {QStringLiteral("A"), QStringLiteral("B")},
        [atc](const Scenario& s) { return atc(s).side == Side::B ? 1 : 0; },
        [at](Scenario& s, int i) { at(s).side = i == 1 ? Side::B : Side::A; }, m_actionForm);
    form->addRow(label(side, QT_TR_NOOP("Endpo&int:"), m_actionForm), side);
    QComboBox* kind = choice(QStringLiteral("actions[].do"), namesOf(actionKindNames()),
        [atc](const Scenario& s) { return indexOf(actionKindNames(), atc(s).kind); },
        [at](Scenario& s, int i) { at(s).kind = actionKindNames()[static_cast<std::size_t>(i)].value; }, m_actionForm);
    form->addRow(label(kind, QT_TR_NOOP("&Does:"), m_actionForm), kind);
    QComboBox* trigger = choice(QStringLiteral("actions[].when"), namesOf(triggerNames()),
        [atc](const Scenario& s) { return indexOf(triggerNames(), atc(s).trigger); },
        [at](Scenario& s, int i) { at(s).trigger = triggerNames()[static_cast<std::size_t>(i)].value; }, m_actionForm);
    form->addRow(label(trigger, QT_TR_NOOP("W&hen:"), m_actionForm), trigger);
    NumberField* delay = number(QStringLiteral("actions[].delay_ms"), rule::kRunMs, kMillis,
        [atc](const Scenario& s) { return static_cast<double>(atc(s).delay) / 1000.0; },
        [at](Scenario& s, double v) { at(s).delay = microsFromMillis(v); }, m_actionForm);
    form->addRow(label(delay->edit(), QT_TR_NOOP("De&lay after the trigger (ms):"), m_actionForm), delay);
    NumberField* bytes = number(QStringLiteral("actions[].bytes"), rule::kBytes, kInteger,
        [atc](const Scenario& s) { return static_cast<double>(atc(s).bytes); },
        [at](Scenario& s, double v) { at(s).bytes = static_cast<std::uint32_t>(v); }, m_actionForm);
    form->addRow(label(bytes->edit(), QT_TR_NOOP("&Bytes (send):"), m_actionForm), bytes);
    QCheckBox* ownIss = check(QStringLiteral("actions[].has_iss"), [atc](const Scenario& s) { return atc(s).iss.has_value(); },
        [at](Scenario& s, bool on) { at(s).iss = on ? std::optional<std::uint32_t>(at(s).iss.value_or(0)) : std::nullopt; },
        m_actionForm);
    form->addRow(texted(ownIss, QT_TR_NOOP("Its &own ISS (a connect that opens a new incarnation):")));
    NumberField* iss = number(QStringLiteral("actions[].iss"), rule::kIss, kInteger,
        [atc](const Scenario& s) { return static_cast<double>(atc(s).iss.value_or(0)); },
        [at](Scenario& s, double v) { at(s).iss = static_cast<std::uint32_t>(v); }, m_actionForm);
    form->addRow(label(iss->edit(), QT_TR_NOOP("I&SS:"), m_actionForm), iss);
    // Keys name the selected entry, so errors and merging are per entry; fields apply by kind.
    m_refreshers.push_back([=, this](bool) {
        const QString p = QStringLiteral("actions[%1].").arg(m_actionRow);
        delay->setKey(p + QStringLiteral("delay_ms"));
        bytes->setKey(p + QStringLiteral("bytes"));
        iss->setKey(p + QStringLiteral("iss"));
        m_actionForm->setEnabled(m_actionRow >= 0);
        const AppAction a = atc(m_draft);
        bytes->setEnabled(a.kind == AppAction::Kind::Send);
        iss->setEnabled(a.iss.has_value());
    });
    column->addWidget(m_actionForm);
    return scrolled(page);
}

QWidget* ScenarioEditor::buildFaults(QWidget* parent) {
    auto* box = texted(new QGroupBox(parent), QT_TR_NOOP("Faults"));
    auto* column = new QVBoxLayout(box);
    m_faultList = new QListWidget(box);
    m_faultList->setObjectName(QStringLiteral("faults"));
    column->addWidget(label(m_faultList, QT_TR_NOOP("Faults, decided when a segment is &sent:"), box));
    auto* row = new QHBoxLayout;
    row->addWidget(m_faultList, 1);
    auto* buttons = new QVBoxLayout;
    listButtons(box, buttons, false);
    row->addLayout(buttons);
    column->addLayout(row, 1);
    connect(m_faultList, &QListWidget::currentRowChanged, this, [this](int r) {
        if (r < 0)
            return;
        m_faultRow = r;
        refresh(false);
    });
    column->addWidget(buildFaultForm(box));
    return box;
}

// The chosen fault's fields; each kind reads only some of them, the others stay, greyed.
QWidget* ScenarioEditor::buildFaultForm(QWidget* box) {
    m_faultForm = new QWidget(box);
    auto* form = new QFormLayout(m_faultForm);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    const auto at = [this](Scenario& s) -> Fault& {
        static Fault scratch;
        return m_faultRow < 0 || static_cast<std::size_t>(m_faultRow) >= s.faults.size()
                   ? scratch : s.faults[static_cast<std::size_t>(m_faultRow)];
    };
    const auto atc = [this](const Scenario& s) -> Fault { return m_faultRow < 0 ? Fault{} : s.faults[static_cast<std::size_t>(m_faultRow)]; };
    QComboBox* kind = choice(QStringLiteral("faults[].kind"), namesOf(faultKindNames()),
        [atc](const Scenario& s) { return indexOf(faultKindNames(), atc(s).kind); },
        [at](Scenario& s, int i) { at(s).kind = faultKindNames()[static_cast<std::size_t>(i)].value; }, m_faultForm);
    form->addRow(label(kind, QT_TR_NOOP("&Type of fault:"), m_faultForm), kind);
    QComboBox* dir = choice(QStringLiteral("faults[].dir"), namesOf(directionNames()),
        [atc](const Scenario& s) { return indexOf(directionNames(), atc(s).dir); },
        [at](Scenario& s, int i) { at(s).dir = directionNames()[static_cast<std::size_t>(i)].value; }, m_faultForm);
    form->addRow(label(dir, QT_TR_NOOP("Di&rection:"), m_faultForm), dir);
    NumberField* n = number(QStringLiteral("faults[].n"), rule::kCount, kInteger,
        [atc](const Scenario& s) { return static_cast<double>(atc(s).n); },
        [at](Scenario& s, double v) { at(s).n = static_cast<std::uint32_t>(v); }, m_faultForm);
    form->addRow(label(n->edit(), QT_TR_NOOP("Nt&h segment of the direction (1 = first):"), m_faultForm), n);
    auto* flagRow = new QWidget(m_faultForm);
    auto* flagLayout = new QHBoxLayout(flagRow);
    flagLayout->setContentsMargins(0, 0, 0, 0);
    std::vector<QCheckBox*> flagBoxes;
    for (const auto& [bit, flagName] : flagNames()) {
        const std::uint8_t b = bit;
        QCheckBox* c = check(QStringLiteral("faults[].flags.") + name(flagName),
                             [atc, b](const Scenario& s) { return (atc(s).flags & b) != 0; },
                             [at, b](Scenario& s, bool on) { at(s).flags = static_cast<std::uint8_t>(on ? at(s).flags | b : at(s).flags & ~b); },
                             flagRow);
        c->setText(name(flagName));
        flagLayout->addWidget(c);
        flagBoxes.push_back(c);
    }
    flagLayout->addStretch(1);
    form->addRow(label(flagBoxes.front(), QT_TR_NOOP("Flags the segment carries:"), m_faultForm), flagRow);
    QCheckBox* exact = check(QStringLiteral("faults[].exact_flags"), [atc](const Scenario& s) { return atc(s).exactFlags; },
                             [at](Scenario& s, bool on) { at(s).exactFlags = on; }, m_faultForm);
    form->addRow(texted(exact, QT_TR_NOOP("E&xactly these flags")));
    NumberField* count = number(QStringLiteral("faults[].count"), rule::kCount, kInteger,
        [atc](const Scenario& s) { return static_cast<double>(atc(s).count); },
        [at](Scenario& s, double v) { at(s).count = static_cast<std::uint32_t>(v); }, m_faultForm);
    form->addRow(label(count->edit(), QT_TR_NOOP("How many such segments in a row:"), m_faultForm), count);
    NumberField* extra = number(QStringLiteral("faults[].extra_delay_ms"), rule::kRunMs, kMillis,
        [atc](const Scenario& s) { return static_cast<double>(atc(s).extraDelay) / 1000.0; },
        [at](Scenario& s, double v) { at(s).extraDelay = microsFromMillis(v); }, m_faultForm);
    form->addRow(label(extra->edit(), QT_TR_NOOP("The duplicate comes later &by (ms):"), m_faultForm), extra);
    NumberField* when = number(QStringLiteral("faults[].at_ms"), rule::kRunMs, kMillis,
        [atc](const Scenario& s) { return static_cast<double>(atc(s).at) / 1000.0; },
        [at](Scenario& s, double v) { at(s).at = microsFromMillis(v); }, m_faultForm);
    form->addRow(label(when->edit(), QT_TR_NOOP("The forged RST arrives at (ms):"), m_faultForm), when);
    NumberField* offset = number(QStringLiteral("faults[].seq_offset"), rule::kSeqOffset, kInteger,
        [atc](const Scenario& s) { return static_cast<double>(atc(s).seqOffset); },
        [at](Scenario& s, double v) { at(s).seqOffset = static_cast<std::int32_t>(v); }, m_faultForm);
    form->addRow(label(offset->edit(), QT_TR_NOOP("Its SEG.SE&Q minus RCV.NXT:"), m_faultForm), offset);
    m_refreshers.push_back([=, this](bool) {
        const QString p = QStringLiteral("faults[%1].").arg(m_faultRow);
        n->setKey(p + QStringLiteral("n"));
        count->setKey(p + QStringLiteral("count"));
        extra->setKey(p + QStringLiteral("extra_delay_ms"));
        when->setKey(p + QStringLiteral("at_ms"));
        offset->setKey(p + QStringLiteral("seq_offset"));
        m_faultForm->setEnabled(m_faultRow >= 0);
        // Each kind reads only some fields (core/protocol/channel.h); the others stay, greyed.
        const Fault::Kind k = atc(m_draft).kind;
        using K = Fault::Kind;
        n->setEnabled(k == K::DropNth || k == K::DuplicateNth);
        // drop-nth counts among the segments with these flags ("A's first FIN"), as
        // drop-first-matching takes them.
        flagRow->setEnabled(k == K::DropFirstMatching || k == K::DropNth);
        exact->setEnabled(k == K::DropFirstMatching || k == K::DropNth);
        count->setEnabled(k == K::DropFirstMatching);
        extra->setEnabled(k == K::DuplicateNth);
        when->setEnabled(k == K::InjectRst);
        offset->setEnabled(k == K::InjectRst);
    });
    return m_faultForm;
}

void ScenarioEditor::refreshLists() {
    const auto fill = [](QListWidget* list, const auto& entries, auto& shown, int row) {
        const QSignalBlocker block(list);
        if (same(entries, shown) && list->count() == static_cast<int>(entries.size())) {
            list->setCurrentRow(row);
            return;
        }
        shown = entries;
        while (list->count() > static_cast<int>(entries.size()))
            delete list->takeItem(list->count() - 1);
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const QString text = summary(i, entries[i]);
            if (static_cast<int>(i) < list->count()) {
                QListWidgetItem* item = list->item(static_cast<int>(i));
                if (item->text() != text)  // most edits change one entry: repaint only that one
                    item->setText(text);
            }
            else
                list->addItem(text);
        }
        list->setCurrentRow(row);
    };
    fill(m_actionList, m_draft.actions, m_shownActions, m_actionRow);
    fill(m_faultList, m_draft.faults, m_shownFaults, m_faultRow);
    const int actions = static_cast<int>(m_draft.actions.size()), faults = static_cast<int>(m_draft.faults.size());
    // add, remove, up, down of the actions, then of the faults
    const int rows[2] = {m_actionRow, m_faultRow}, sizes[2] = {actions, faults};
    for (int l = 0; l < 2; ++l) {
        m_listButtons[static_cast<std::size_t>(l * 4 + 1)]->setEnabled(rows[l] >= 0);
        m_listButtons[static_cast<std::size_t>(l * 4 + 2)]->setEnabled(rows[l] > 0);
        m_listButtons[static_cast<std::size_t>(l * 4 + 3)]->setEnabled(rows[l] >= 0 && rows[l] + 1 < sizes[l]);
    }
}

}  // namespace finwave::app
