// The editor's pages of single fields: the scenario's name and run, both endpoints' set-up and
// the channel per direction. (The lists are in editor_lists.cpp, the constants in editor_params.cpp.)
#include "app/editor/editor_pages.h"
#include "app/editor/number_field.h"
#include "app/editor/scenario_editor.h"

#include "core/protocol/names.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QScrollArea>
#include <QVBoxLayout>

namespace finwave::app {

QScrollArea* scrolled(QWidget* content) {
    auto* area = new QScrollArea;
    area->setWidget(content);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}

EndpointSetup& endpointOf(Scenario& s, Side side) { return side == Side::A ? s.a : s.b; }
const EndpointSetup& endpointOf(const Scenario& s, Side side) { return side == Side::A ? s.a : s.b; }

namespace {
using Unit = NumberField::Unit;
constexpr int kMillis = static_cast<int>(Unit::Millis);
constexpr int kInteger = static_cast<int>(Unit::Integer);
constexpr int kReal = static_cast<int>(Unit::Real);
}  // namespace

QWidget* ScenarioEditor::buildGeneral() {
    auto* page = new QWidget;
    auto* form = new QFormLayout(page);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    QLineEdit* name = text(QStringLiteral("name"), [](const Scenario& s) { return s.name; },
                           [](Scenario& s, const std::string& v) { s.name = v; }, page);
    form->addRow(label(name, QT_TR_NOOP("Na&me:"), page), name);
    QLineEdit* title = text(QStringLiteral("title"), [](const Scenario& s) { return s.title; },
                            [](Scenario& s, const std::string& v) { s.title = v; }, page);
    form->addRow(label(title, QT_TR_NOOP("&Title:"), page), title);
    // Several lines: the description is what the class reads under the diagram.
    auto* description = new QPlainTextEdit(page);
    description->setObjectName(QStringLiteral("description"));
    description->setUndoRedoEnabled(false);  // the editor's Undo covers it
    description->setTabChangesFocus(true);
    description->setFixedHeight(description->fontMetrics().lineSpacing() * 4 + 12);
    m_refreshers.push_back([this, description](bool keepTyped) {
        const QString v = QString::fromStdString(m_draft.description);
        if (keepTyped || description->toPlainText() == v)
            return;
        const QSignalBlocker block(description);
        description->setPlainText(v);
    });
    connect(description, &QPlainTextEdit::textChanged, this, [this, description] {
        const std::string v = description->toPlainText().toStdString();
        edit(QStringLiteral("description"), tr("Edit %1").arg(QStringLiteral("description")), [&](Scenario& s) { s.description = v; });
    });
    form->addRow(label(description, QT_TR_NOOP("&Description:"), page), description);
    NumberField* seed = number(QStringLiteral("seed"), rule::kSeed, kInteger,
                               [](const Scenario& s) { return static_cast<double>(s.seed); },
                               [](Scenario& s, double v) { s.seed = static_cast<std::uint64_t>(v); }, page);
    form->addRow(label(seed->edit(), QT_TR_NOOP("&Seed of the random loss and jitter:"), page), seed);
    NumberField* horizon = number(QStringLiteral("horizon_ms"), rule::kRunMs, kMillis,
                                  [](const Scenario& s) { return static_cast<double>(s.horizon) / 1000.0; },
                                  [](Scenario& s, double v) { s.horizon = microsFromMillis(v); }, page);
    form->addRow(label(horizon->edit(), QT_TR_NOOP("&Horizon: no event after (ms):"), page), horizon);
    auto* note = texted(new QLabel(page), QT_TR_NOOP("The name is the file's short name; the title shows in menus, the description under the diagram."));
    note->setWordWrap(true);
    form->addRow(note);
    return scrolled(page);
}

// One grid for both endpoints, a row per field and a column per side: the two set-ups read
// side by side and fit a 1280-pixel screen whatever the language.
QWidget* ScenarioEditor::buildEndpoints() {
    auto* page = new QWidget;
    auto* column = new QVBoxLayout(page);
    auto* grid = new QGridLayout;
    column->addLayout(grid);
    column->addStretch(1);
    grid->addWidget(texted(new QLabel(page), QT_TR_NOOP("Endpoint A")), 0, 1);
    grid->addWidget(texted(new QLabel(page), QT_TR_NOOP("Endpoint B")), 0, 2);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);
    grid->setColumnStretch(2, 2);
    int line = 1;
    // A label bound to A's widget (its mnemonic goes there; Tab then reaches B's).
    // Tab goes along each row, A then B, as the eye reads the grid.
    std::vector<QWidget*> order;
    const auto row = [&](const char* text, QWidget* buddy, QWidget* a, QWidget* b) {
        QLabel* l = label(buddy, text, page);
        l->setWordWrap(true);
        grid->addWidget(l, line, 0);
        grid->addWidget(a, line, 1);
        grid->addWidget(b, line, 2);
        ++line;
        m_sideNames.push_back({a, b, text});
        order.push_back(a->focusProxy() ? a->focusProxy() : a);  // a field's line edit, not its frame
        order.push_back(b->focusProxy() ? b->focusProxy() : b);
    };
    QWidget* initial[2];
    QWidget* iss[2];
    QWidget* sent[2];
    for (Side side : {Side::A, Side::B}) {
        const int i = side == Side::A ? 0 : 1;
        const QString p = side == Side::A ? QStringLiteral("a.") : QStringLiteral("b.");
        initial[i] = choice(p + QStringLiteral("initial"), {QStringLiteral("ESTABLISHED"), QStringLiteral("CLOSED")},
            [side](const Scenario& s) { return endpointOf(s, side).initial == TcpState::Closed ? 1 : 0; },
            [side](Scenario& s, int v) { endpointOf(s, side).initial = v == 1 ? TcpState::Closed : TcpState::Established; }, page);
        iss[i] = number(p + QStringLiteral("iss"), rule::kIss, kInteger,
            [side](const Scenario& s) { return static_cast<double>(endpointOf(s, side).iss); },
            [side](Scenario& s, double v) { endpointOf(s, side).iss = static_cast<std::uint32_t>(v); }, page);
        sent[i] = number(p + QStringLiteral("already_sent"), rule::kBytes, kInteger,
            [side](const Scenario& s) { return static_cast<double>(endpointOf(s, side).alreadySent); },
            [side](Scenario& s, double v) { endpointOf(s, side).alreadySent = static_cast<std::uint32_t>(v); }, page);
    }
    row(QT_TR_NOOP("&Initial state:"), initial[0], initial[0], initial[1]);
    row(QT_TR_NOOP("I&SS (initial sequence number):"), static_cast<NumberField*>(iss[0])->edit(), iss[0], iss[1]);
    row(QT_TR_NOOP("Bytes sent and ACKed &before the run:"), static_cast<NumberField*>(sent[0])->edit(), sent[0], sent[1]);
    const auto flag = [&](const char* key, const char* text, bool EndpointSetup::*member) {
        QCheckBox* boxes[2];
        for (Side side : {Side::A, Side::B}) {
            const QString p = side == Side::A ? QStringLiteral("a.") : QStringLiteral("b.");
            boxes[side == Side::A ? 0 : 1] = check(p + QString::fromLatin1(key),
                [side, member](const Scenario& s) { return endpointOf(s, side).*member; },
                [side, member](Scenario& s, bool on) { endpointOf(s, side).*member = on; }, page);
        }
        row(text, boxes[0], boxes[0], boxes[1]);
    };
    flag("auto_read", QT_TR_NOOP("The application &reads data as it arrives (else leaves it unread)"), &EndpointSetup::autoRead);
    flag("linger_zero", QT_TR_NOOP("SO_LINGER &0: close() aborts with RST"), &EndpointSetup::lingerZero);
    flag("linger2_negative", QT_TR_NOOP("TCP_LINGER2 < 0: an orphan resets instead of FIN_&WAIT_2 (Linux)"), &EndpointSetup::linger2Negative);
    flag("listen_again", QT_TR_NOOP("&Listens again when a connection ends (a server)"), &EndpointSetup::listenAgain);
    flag("sack_permitted", QT_TR_NOOP("Offers &SACK in its SYN (RFC 2018; in use when both do)"), &EndpointSetup::sackPermitted);
    flag("timestamps", QT_TR_NOOP("Offers &timestamps in its SYN (RFC 7323; in use when both do)"), &EndpointSetup::timestamps);
    for (std::size_t i = 1; i < order.size(); ++i)
        QWidget::setTabOrder(order[i - 1], order[i]);
    return scrolled(page);
}

QWidget* ScenarioEditor::buildNetwork() {
    auto* page = new QWidget;
    auto* column = new QVBoxLayout(page);
    auto* row = new QHBoxLayout;
    row->addWidget(buildChannel(Direction::AtoB, page), 1);
    row->addWidget(buildChannel(Direction::BtoA, page), 1);
    column->addLayout(row);
    column->addWidget(buildFaults(page), 1);
    return scrolled(page);
}

QWidget* ScenarioEditor::buildChannel(Direction dir, QWidget* parent) {
    const bool ab = dir == Direction::AtoB;
    auto* box = texted(new QGroupBox(parent), ab ? QT_TR_NOOP("Channel A → B") : QT_TR_NOOP("Channel B → A"));
    auto* form = new QFormLayout(box);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    const QString p = ab ? QStringLiteral("channel.ab.") : QStringLiteral("channel.ba.");
    const auto of = [ab](Scenario& s) -> ChannelParams& { return ab ? s.ab : s.ba; };
    const auto ofc = [ab](const Scenario& s) -> const ChannelParams& { return ab ? s.ab : s.ba; };
    NumberField* delay = number(p + QStringLiteral("delay_ms"), rule::kChannelMs, kMillis,
        [ofc](const Scenario& s) { return static_cast<double>(ofc(s).delay) / 1000.0; },
        [of](Scenario& s, double v) { of(s).delay = microsFromMillis(v); }, box);
    form->addRow(label(delay->edit(), ab ? QT_TR_NOOP("&Delay (ms):") : QT_TR_NOOP("Del&ay (ms):"), box), delay);
    NumberField* jitter = number(p + QStringLiteral("jitter_ms"), rule::kChannelMs, kMillis,
        [ofc](const Scenario& s) { return static_cast<double>(ofc(s).jitter) / 1000.0; },
        [of](Scenario& s, double v) { of(s).jitter = microsFromMillis(v); }, box);
    form->addRow(label(jitter->edit(), ab ? QT_TR_NOOP("&Jitter (ms):") : QT_TR_NOOP("J&itter (ms):"), box), jitter);
    NumberField* loss = number(p + QStringLiteral("loss"), rule::kLoss, kReal,
        [ofc](const Scenario& s) { return ofc(s).loss; }, [of](Scenario& s, double v) { of(s).loss = v; }, box);
    form->addRow(label(loss->edit(), ab ? QT_TR_NOOP("&Loss (0 to 1):") : QT_TR_NOOP("L&oss (0 to 1):"), box), loss);
    return box;
}

}  // namespace finwave::app
