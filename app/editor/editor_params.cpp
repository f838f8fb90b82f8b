// The editor's protocol page: the profile and every constant of ProtocolParams, each marked when
// it overrides the profile's value and with a button that sets it back to that value.
#include "app/editor/editor_pages.h"
#include "app/editor/number_field.h"
#include "app/editor/scenario_editor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace finwave::app {

namespace {
// One constant: its file key, its label, its rule and how it reads and writes ProtocolParams, as
// the file's unit (milliseconds; booleans as 0 and 1). A table, so that the override marks, the
// reset buttons and the profile switch treat all seventeen alike.
struct ParamRow {
    const char* key;
    const char* label;
    NumberRule rule;
    int unit;  // NumberField::Unit, or -1 for a boolean
    double (*get)(const ProtocolParams&);
    void (*set)(ProtocolParams&, double);
};
constexpr int kMs = static_cast<int>(NumberField::Unit::Millis);
constexpr int kInt = static_cast<int>(NumberField::Unit::Integer);
constexpr int kFlag = -1;

#define FINWAVE_MS(m) [](const ProtocolParams& p) { return static_cast<double>(p.m) / 1000.0; }, \
                      [](ProtocolParams& p, double v) { p.m = microsFromMillis(v); }
#define FINWAVE_INT(m) [](const ProtocolParams& p) { return static_cast<double>(p.m); }, \
                       [](ProtocolParams& p, double v) { p.m = static_cast<decltype(p.m)>(v); }
#define FINWAVE_FLAG(m) [](const ProtocolParams& p) { return p.m ? 1.0 : 0.0; }, \
                        [](ProtocolParams& p, double v) { p.m = v != 0; }
const ParamRow kParams[] = {
    {"msl_ms", QT_TRANSLATE_NOOP("finwave::app::ScenarioEditor", "MSL, maximum segment lifetime (ms):"), rule::kParamMs, kMs, FINWAVE_MS(msl)},
    {"time_wait_ms", QT_TRANSLATE_NOOP("finwave::app::ScenarioEditor", "TIME_WAIT length (ms):"), rule::kParamMs, kMs, FINWAVE_MS(timeWait)},
    {"rto_initial_ms", QT_TRANSLATE_NOOP("finwave::app::ScenarioEditor", "Initial RTO (ms):"), rule::kParamMs, kMs, FINWAVE_MS(rtoInitial)},
    {"rto_min_ms", QT_TRANSLATE_NOOP("finwave::app::ScenarioEditor", "Minimum RTO (ms):"), rule::kParamMs, kMs, FINWAVE_MS(rtoMin)},
    {"rto_max_ms", QT_TRANSLATE_NOOP("finwave::app::ScenarioEditor", "Maximum RTO (ms):"), rule::kParamMs, kMs, FINWAVE_MS(rtoMax)},
    {"max_retries", QT_TRANSLATE_NOOP("finwave::app::ScenarioEditor", "Retransmissions before giving up:"), rule::kRetries, kInt, FINWAVE_INT(maxRetries)},
    {"give_up_after_ms", QT_TRANSLATE_NOOP("finwave::app::ScenarioEditor", "Give up after (ms, 0 = count only):"), rule::kParamMs, kMs, FINWAVE_MS(giveUpAfter)},
    {"delayed_ack", QT_TRANSLATE_NOOP("finwave::app::ScenarioEditor", "Delayed ACK"), {0, 1}, kFlag, FINWAVE_FLAG(delayedAck)},
    {"delayed_ack_ms", QT_TRANSLATE_NOOP("finwave::app::ScenarioEditor", "Delayed ACK timeout (ms):"), rule::kDelayedAckMs, kMs, FINWAVE_MS(delayedAckTimeout)},
    {"quick_acks", QT_TRANSLATE_NOOP("finwave::app::ScenarioEditor", "Quick ACKs (Linux):"), rule::kQuickAcks, kInt, FINWAVE_INT(quickAcks)},
    {"fin_wait_2_timeout_ms", QT_TRANSLATE_NOOP("finwave::app::ScenarioEditor", "FIN_WAIT_2 timeout (ms, 0 = none):"), rule::kParamMs, kMs, FINWAVE_MS(finWait2Timeout)},
    {"user_timeout_ms", QT_TRANSLATE_NOOP("finwave::app::ScenarioEditor", "User timeout (ms, 0 = none):"), rule::kParamMs, kMs, FINWAVE_MS(userTimeout)},
    {"orphan_retries", QT_TRANSLATE_NOOP("finwave::app::ScenarioEditor", "Orphan retries (Linux):"), rule::kRetries, kInt, FINWAVE_INT(orphanRetries)},
    {"rfc1337", QT_TRANSLATE_NOOP("finwave::app::ScenarioEditor", "Ignore RST in TIME_WAIT (RFC 1337)"), {0, 1}, kFlag, FINWAVE_FLAG(rfc1337)},
    {"rst_carries_ack", QT_TRANSLATE_NOOP("finwave::app::ScenarioEditor", "An abort's RST carries ACK"), {0, 1}, kFlag, FINWAVE_FLAG(rstCarriesAck)},
    {"linux_time_wait_restart", QT_TRANSLATE_NOOP("finwave::app::ScenarioEditor", "Any ACK restarts TIME_WAIT (Linux)"), {0, 1}, kFlag, FINWAVE_FLAG(linuxTimeWaitRestart)},
    {"mss", QT_TRANSLATE_NOOP("finwave::app::ScenarioEditor", "MSS, bytes per data segment:"), rule::kMss, kInt, FINWAVE_INT(mss)},
};
#undef FINWAVE_MS
#undef FINWAVE_INT
#undef FINWAVE_FLAG

QString shown(const ParamRow& r, const ProtocolParams& p) {
    const double v = r.get(p);
    if (r.unit == kFlag)
        return v != 0 ? QStringLiteral("true") : QStringLiteral("false");
    return r.unit == kInt ? QString::number(static_cast<qint64>(v)) : QString::number(v, 'g', 15);
}
}  // namespace

QWidget* ScenarioEditor::buildProtocol() {
    auto* page = new QWidget;
    auto* column = new QVBoxLayout(page);
    auto* grid = new QGridLayout;
    column->addLayout(grid);
    QComboBox* profile = choice(QStringLiteral("profile"), {QStringLiteral("rfc"), QStringLiteral("linux")},
        [](const Scenario& s) { return s.params.profile == Profile::Linux ? 1 : 0; },
        [](Scenario& s, int i) {
            // A new profile: what followed the old profile follows the new one; overrides stay.
            const Profile to = i == 1 ? Profile::Linux : Profile::Rfc;
            const ProtocolParams from = paramsFor(s.params.profile), next = paramsFor(to);
            for (const ParamRow& r : kParams)
                if (r.get(s.params) == r.get(from))
                    r.set(s.params, r.get(next));
            s.params.profile = to;
        }, page);
    grid->addWidget(label(profile, QT_TR_NOOP("Pro&file:"), page), 0, 0);
    grid->addWidget(profile, 0, 1);
    m_paramsNote = texted(new QLabel(page), QT_TR_NOOP("Bold: the scenario overrides the profile's value; ↺ sets it back."));
    m_paramsNote->setWordWrap(true);
    grid->addWidget(m_paramsNote, 1, 0, 1, 3);
    int line = 2;
    for (const ParamRow& r : kParams) {
        const QString key = QStringLiteral("params.") + QString::fromLatin1(r.key);
        QWidget* field = nullptr;
        QLabel* name = nullptr;
        const ParamRow* row = &r;
        if (r.unit == kFlag) {
            QCheckBox* c = check(key, [row](const Scenario& s) { return row->get(s.params) != 0; },
                                 [row](Scenario& s, bool on) { row->set(s.params, on ? 1 : 0); }, page);
            field = texted(c, r.label);
            name = new QLabel(page);  // an empty cell keeps the columns; the box carries the text
        } else {
            NumberField* f = number(key, r.rule, r.unit, [row](const Scenario& s) { return row->get(s.params); },
                                    [row](Scenario& s, double v) { row->set(s.params, v); }, page);
            if (key == QLatin1String("params.rto_min_ms"))
                m_rtoMin = f;
            field = f;
            name = label(f->edit(), r.label, page);
            name->setWordWrap(true);
        }
        auto* reset = new QToolButton(page);
        reset->setObjectName(key + QStringLiteral(".reset"));
        reset->setText(QStringLiteral("↺"));
        reset->setAutoRaise(true);
        auto* fallback = new QLabel(page);
        fallback->setEnabled(false);  // muted: the profile's value, for comparison
        grid->addWidget(name, line, 0, Qt::AlignTop);
        grid->addWidget(field, line, 1, Qt::AlignTop);
        grid->addWidget(reset, line, 2, Qt::AlignTop);
        grid->addWidget(fallback, line, 3, Qt::AlignTop);
        ++line;
        connect(reset, &QToolButton::clicked, this, [this, row, key] {
            edit(QString(), tr("Reset %1 to the profile's value").arg(key),
                 [row](Scenario& s) { row->set(s.params, row->get(paramsFor(s.params.profile))); });
        });
        QWidget* marked = r.unit == kFlag ? field : static_cast<QWidget*>(name);
        m_refreshers.push_back([this, row, marked, reset, fallback](bool) {
            const ProtocolParams d = paramsFor(m_draft.params.profile);
            const bool overridden = row->get(m_draft.params) != row->get(d);
            QFont f = marked->font();
            f.setBold(overridden);
            marked->setFont(f);
            reset->setEnabled(overridden);
            const QString profileName = m_draft.params.profile == Profile::Linux ? QStringLiteral("linux") : QStringLiteral("rfc");
            fallback->setText(tr("%1: %2").arg(profileName, shown(*row, d)));
            reset->setToolTip(tr("Set back to the %1 profile's value, %2").arg(profileName, shown(*row, d)));
            reset->setAccessibleName(reset->toolTip());
        });
    }
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(0, 1);
    column->addStretch(1);
    return scrolled(page);
}

}  // namespace finwave::app
