#include "app/compare/compare_window.h"

#include "app/compare/compare_marks.h"
#include "app/compare/compare_summary.h"
#include "app/export/compare_exporter.h"
#include "app/views/sequence/sequence_scene.h"
#include "app/views/sequence/sequence_view.h"
#include "app/window/capture_dialogs.h"
#include "app/views/state_graph/state_graph_view.h"
#include "app/window/sim_controller.h"
#include "core/compare/profile_differences.h"
#include "core/protocol/transitions.h"
#include "core/scenario/builtin_scenarios.h"
#include "core/sim/trace_format.h"

#include <QApplication>
#include <QComboBox>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QTimer>
#include <QSettings>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QScreen>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace finwave::app {

namespace {
// When each step (1-based) of a run happens.
std::vector<Micros> stepTimes(const Simulator& sim) {
    std::vector<Micros> times(sim.stepIndex(), 0);
    for (const TraceRecord& r : sim.trace())
        if (r.step >= 1 && r.step <= times.size())
            times[r.step - 1] = r.t;
    return times;
}
}  // namespace

CompareWindow::CompareWindow(const Scenario& current, const Scenario& loaded, QWidget* parent)
    : QDialog(parent), m_current(current), m_loaded(loaded), m_ctlA(new SimController(this)), m_ctlB(new SimController(this)) {
    setObjectName(QStringLiteral("compareWindow"));
    auto* top = new QVBoxLayout(this);
    auto* choose = new QHBoxLayout;
    m_secondLabel = new QLabel(this);
    m_second = new QComboBox(this);
    m_second->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (int i = 0; i < 4; ++i)  // other profile, without the user's changes, a capture, a scenario file
        m_second->addItem(QString(), QString());
    for (std::string_view name : builtinScenarioNames())
        m_second->addItem(QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size())), QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size())));
    m_secondLabel->setBuddy(m_second);
    choose->addWidget(m_secondLabel);
    choose->addWidget(m_second);
    choose->addStretch();
    m_play = new QTimer(this);
    m_play->setInterval(1000);
    connect(m_play, &QTimer::timeout, this, &CompareWindow::playTick);
    m_playButton = new QPushButton(this);
    connect(m_playButton, &QPushButton::clicked, this, &CompareWindow::togglePlay);
    choose->addWidget(m_playButton);
    m_export = new QPushButton(this);
    connect(m_export, &QPushButton::clicked, this, &CompareWindow::chooseExport);
    choose->addWidget(m_export);
    top->addLayout(choose);
    auto* views = new QGridLayout;
    m_titleA = new QLabel(this);
    m_titleB = new QLabel(this);
    m_viewA = new SequenceView(m_ctlA, this);
    m_viewB = new SequenceView(m_ctlB, this);
    m_graphA = new StateGraphView(m_ctlA, this);
    m_graphB = new StateGraphView(m_ctlB, this);
    // Each run's diagram or its state graph; switching one switches both, so they stay side by side.
    m_sidesA = new QTabWidget(this);
    m_sidesB = new QTabWidget(this);
    m_sidesA->addTab(m_viewA, QString());
    m_sidesA->addTab(m_graphA, QString());
    m_sidesB->addTab(m_viewB, QString());
    m_sidesB->addTab(m_graphB, QString());
    connect(m_sidesA, &QTabWidget::currentChanged, m_sidesB, &QTabWidget::setCurrentIndex);
    connect(m_sidesB, &QTabWidget::currentChanged, m_sidesA, &QTabWidget::setCurrentIndex);
    // One time axis: scrolling either diagram scrolls the other to the same rows.
    connect(m_viewA->verticalScrollBar(), &QScrollBar::valueChanged, m_viewB->verticalScrollBar(), &QScrollBar::setValue);
    connect(m_viewB->verticalScrollBar(), &QScrollBar::valueChanged, m_viewA->verticalScrollBar(), &QScrollBar::setValue);
    views->addWidget(m_titleA, 0, 0);
    views->addWidget(m_titleB, 0, 1);
    views->addWidget(m_sidesA, 1, 0);
    views->addWidget(m_sidesB, 1, 1);
    views->setRowStretch(1, 1);
    top->addLayout(views, 3);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    top->addWidget(m_summary);
    m_lines = new QTreeWidget(this);
    m_lines->setColumnCount(3);
    m_lines->setRootIsDecorated(false);
    m_lines->setUniformRowHeights(true);
    m_lines->header()->setSectionResizeMode(QHeaderView::Stretch);
    m_lines->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_profiles = new QTableWidget(this);
    m_profiles->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_profiles->verticalHeader()->hide();
    m_profiles->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_profiles->horizontalHeader()->setStretchLastSection(true);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_lines, QString());
    m_tabs->addTab(m_profiles, QString());
    top->addWidget(m_tabs, 1);
    connect(m_second, &QComboBox::activated, this, [this](int i) {
        if (i == 2)
            return chooseCapture();
        if (i == 3)
            return chooseScenarioFile();
        compareWith(i == 0 ? Second::OtherProfile : i == 1 ? Second::WithoutUserChanges : Second::Builtin,
                    m_second->itemData(i).toString());
    });
    connect(m_lines, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const Micros t = item->data(0, Qt::UserRole).toLongLong();
        const auto at = std::lower_bound(m_moments.begin(), m_moments.end(), t);
        showMoment(static_cast<std::size_t>(std::min<std::ptrdiff_t>(at - m_moments.begin(), static_cast<std::ptrdiff_t>(m_moments.size()) - 1)));
    });
    retranslate();
    compareWith(Second::OtherProfile);
    const QScreen* here = parent && parent->screen() ? parent->screen() : QGuiApplication::primaryScreen();
    const QSize room = here ? here->availableGeometry().size() : QSize(1280, 720);
    resize(std::min(1240, room.width() - 30), std::min(700, room.height() - 50));
}

CompareWindow::~CompareWindow() = default;

void CompareWindow::compareWith(Second kind, const QString& builtin) {
    Scenario second = m_current;
    switch (kind) {
    case Second::OtherProfile:
        applyProfile(second, m_current.params.profile == Profile::Rfc ? Profile::Linux : Profile::Rfc);
        m_second->setCurrentIndex(0);
        break;
    case Second::WithoutUserChanges:
        second = m_loaded;
        m_second->setCurrentIndex(1);
        break;
    case Second::Capture:
        return chooseCapture();
    case Second::Builtin:
        if (const auto s = builtinScenario(builtin.toStdString()))
            second = *s;
        m_second->setCurrentIndex(std::max(0, m_second->findData(builtin)));
        break;
    }
    load(m_current, second);
}

void CompareWindow::load(const Scenario& first, const Scenario& second) {
    m_runA = compare::finishedRun(first);
    m_runB = compare::finishedRun(second);
    m_ctlA->loadScenario(first);
    m_ctlB->loadScenario(second);
    pairRuns(false);
}

// The runs paired, and both diagrams told the shared axis and the marks (compare_marks.h).
void CompareWindow::pairRuns(bool fromFirstPair) {
    m_comparison = compare::compareRuns(*m_runA, *m_runB, 0, fromFirstPair);
    m_stepTimesA = stepTimes(*m_runA);
    m_stepTimesB = stepTimes(*m_runB);
    m_moments.assign(1, 0);
    for (Micros t : m_stepTimesA)
        m_moments.push_back(t + m_comparison.shiftA());
    for (Micros t : m_stepTimesB)
        m_moments.push_back(t + m_comparison.shiftB());
    std::sort(m_moments.begin(), m_moments.end());
    m_moments.erase(std::unique(m_moments.begin(), m_moments.end()), m_moments.end());
    const BothMarks marks = comparisonMarks(m_runA, m_runB, m_comparison);
    m_viewA->diagram()->setComparison(marks.a);
    m_viewB->diagram()->setComparison(marks.b);
    const auto title = [](const Simulator& s) {
        if (s.isReplay())
            return QStringLiteral("<b>%1</b>").arg(QString::fromStdString(s.scenario().name).toHtmlEscaped());
        return QStringLiteral("<b>%1</b> · %2").arg(QString::fromStdString(s.scenario().name).toHtmlEscaped(),
                                                   QString::fromLatin1(profileName(s.params().profile).data()));
    };
    m_titleA->setText(title(*m_runA));
    m_titleB->setText(title(*m_runB));
    fillLines();
    showMoment(0);
}

// Both runs at one moment: each stepped through every event it has up to then.
void CompareWindow::showMoment(std::size_t moment) {
    if (m_moments.empty())
        return;
    m_moment = std::min(moment, m_moments.size() - 1);
    const Micros t = m_moments[m_moment];
    const auto stepsBy = [](const std::vector<Micros>& times, Micros at) {
        return static_cast<quint64>(std::upper_bound(times.begin(), times.end(), at) - times.begin());
    };
    m_ctlA->seek(stepsBy(m_stepTimesA, t - m_comparison.shiftA()));
    m_ctlB->seek(stepsBy(m_stepTimesB, t - m_comparison.shiftB()));
    // Both cursors on the moment's row of the shared axis, so both diagrams scroll alike.
    m_ctlA->setDisplayTime(t - m_comparison.shiftA());
    m_ctlB->setDisplayTime(t - m_comparison.shiftB());
    QString text = tr("t = %1 s · first run step %2 · second run step %3.")
                       .arg(static_cast<double>(t) / kSec, 0, 'f', 3)
                       .arg(m_ctlA->sim().stepIndex())
                       .arg(m_ctlB->sim().stepIndex());
    text += QLatin1Char(' ') + comparisonSummary(*m_runA, *m_runB, m_comparison) + QLatin1Char(' ') + tr("D goes to the first difference.");
    m_summary->setText(text);
}

// One row per line of the pairing; the first difference in bold on a tint, an event only one
// run has with a dash on the other side.
void CompareWindow::fillLines() {
    m_lines->clear();
    const compare::Comparison& c = m_comparison;
    QList<QTreeWidgetItem*> rows;
    rows.reserve(static_cast<qsizetype>(c.lines.size()));
    for (std::size_t k = 0; k < c.lines.size(); ++k) {
        const compare::Aligned& line = c.lines[k];
        auto* item = new QTreeWidgetItem;
        item->setText(0, line.a ? shortEventText(*m_runA, c.a[*line.a]) : QStringLiteral("—"));
        item->setText(2, line.b ? shortEventText(*m_runB, c.b[*line.b]) : QStringLiteral("—"));
        if (line.a && line.b && line.dt != 0)
            item->setText(1, QStringLiteral("%1%2 s").arg(line.dt > 0 ? QStringLiteral("+") : QString()).arg(static_cast<double>(line.dt) / kSec, 0, 'f', 3));
        item->setData(0, Qt::UserRole, static_cast<qlonglong>(line.a ? c.a[*line.a].t + m_comparison.shiftA() : c.b[*line.b].t + m_comparison.shiftB()));
        if (c.firstDifference && *c.firstDifference == k) {
            QFont bold = item->font(0);
            bold.setBold(true);
            for (int col = 0; col < 3; ++col) {
                item->setFont(col, bold);
                item->setBackground(col, QColor(255, 226, 214));
            }
        }
        rows.append(item);
    }
    m_lines->addTopLevelItems(rows);
}

// The table of core/compare's profile differences: constants, the probe, Linux-only transitions.
void CompareWindow::fillProfiles() {
    const std::vector<compare::ProfileDifference> rows = compare::profileDifferences();
    m_profiles->clearContents();
    m_profiles->setColumnCount(4);
    m_profiles->setRowCount(static_cast<int>(rows.size()));
    for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
        const compare::ProfileDifference& d = rows[static_cast<std::size_t>(r)];
        const auto words = [](const std::string& text) { return QCoreApplication::translate("ProfileDifferences", text.c_str()); };
        const Transition* t = d.transition;
        const QString what = t ? QStringLiteral("%1 %2 → %3 (%4)")
                                     .arg(QString::fromLatin1(t->id.data(), static_cast<qsizetype>(t->id.size())),
                                          QString::fromLatin1(stateName(t->from).data()), QString::fromLatin1(stateName(t->to).data()),
                                          QCoreApplication::translate("StateGraph", std::string(t->label).c_str()))
                               : words(d.what);
        const QString cells[] = {what, words(d.rfc), words(d.linux), QString::fromStdString(d.source)};
        for (int col = 0; col < 4; ++col)
            m_profiles->setItem(r, col, new QTableWidgetItem(cells[col]));
    }
}

void CompareWindow::stepForward() { showMoment(m_moment + 1); }

void CompareWindow::playTick() {
    stepForward();
    if (m_moment + 1 >= m_moments.size() && m_play->isActive())
        togglePlay();  // at the end: stopped
}

bool CompareWindow::isPlaying() const { return m_play->isActive(); }

// Both runs played together: a moment a second (each moment is an event of either run), stopping
// at the end; Space or the button again stops it.
void CompareWindow::togglePlay() {
    if (m_play->isActive()) {
        m_play->stop();
    } else {
        if (m_moment + 1 >= m_moments.size())
            toStart();
        m_play->start();
    }
    m_playButton->setText(m_play->isActive() ? tr("Pause") : tr("&Play"));
}
void CompareWindow::stepBack() { showMoment(m_moment == 0 ? 0 : m_moment - 1); }
void CompareWindow::toStart() { showMoment(0); }

void CompareWindow::toFirstDifference() {
    const compare::Comparison& c = m_comparison;
    if (!c.firstDifference)
        return;
    const compare::Aligned& d = c.lines[*c.firstDifference];
    const Micros at = std::min(d.a ? c.a[*d.a].t + m_comparison.shiftA() : INT64_MAX, d.b ? c.b[*d.b].t + m_comparison.shiftB() : INT64_MAX);
    showMoment(static_cast<std::size_t>(std::lower_bound(m_moments.begin(), m_moments.end(), at) - m_moments.begin()));
    if (QTreeWidgetItem* row = m_lines->topLevelItem(static_cast<int>(*c.firstDifference)))
        m_lines->scrollToItem(row);
}

void CompareWindow::setTheme(const Theme& theme) {
    m_viewA->setTheme(theme);
    m_viewB->setTheme(theme);
    m_graphA->setTheme(theme);
    m_graphB->setTheme(theme);
    // The words around the diagrams at the presenter layout's size too, as the main window's docks;
    // the list of paired events keeps the usual size, where its lines fit whole at 1280 pixels.
    QFont f = QApplication::font();
    f.setPointSizeF(theme.large ? 14 : f.pointSizeF());
    for (QWidget* w : std::initializer_list<QWidget*>{m_summary, m_second, m_secondLabel, m_titleA, m_titleB, m_export, m_playButton})
        w->setFont(f);
}

double CompareWindow::shownSeconds() const {
    return m_moments.empty() ? 0.0 : static_cast<double>(m_moments[m_moment]) / kSec;
}

// The window's keys, as in the main window: → and ← step, Home goes to the start, D to the
// first difference.
void CompareWindow::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
    case Qt::Key_Right: stepForward(); return;
    case Qt::Key_Left: stepBack(); return;
    case Qt::Key_Home: toStart(); return;
    case Qt::Key_D: toFirstDifference(); return;
    case Qt::Key_Space: togglePlay(); return;
    default: QDialog::keyPressEvent(event);
    }
}

void CompareWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void CompareWindow::retranslate() {
    setWindowTitle(tr("Compare two runs"));
    m_secondLabel->setText(tr("Compare with:"));
    m_second->setItemText(0, tr("the same run under the other profile"));
    m_second->setItemText(1, tr("the same scenario without your drops and changes"));
    m_second->setItemText(2, tr("a capture file…"));
    m_second->setItemText(3, tr("a scenario file…"));
    m_export->setText(tr("&Export both…"));
    m_playButton->setText(m_play->isActive() ? tr("Pause") : tr("&Play"));
    m_lines->setHeaderLabels({tr("First run"), tr("Δt"), tr("Second run")});
    m_tabs->setTabText(0, tr("Both runs' events"));
    m_tabs->setTabText(1, tr("rfc against linux"));
    fillProfiles();
    m_profiles->setHorizontalHeaderLabels({tr("What"), QStringLiteral("rfc"), QStringLiteral("linux"), tr("Source")});
    m_profiles->setAccessibleName(tr("Where the two profiles differ for closing"));
    m_viewA->setAccessibleName(tr("First run's sequence diagram"));
    m_viewB->setAccessibleName(tr("Second run's sequence diagram"));
    m_graphA->setAccessibleName(tr("First run's state graph"));
    m_graphB->setAccessibleName(tr("Second run's state graph"));
    for (QTabWidget* sides : {m_sidesA, m_sidesB}) {
        sides->setTabText(0, tr("Sequence diagram"));
        sides->setTabText(1, tr("State graph"));
    }
    m_lines->setAccessibleName(tr("Both runs' events, paired"));
    if (!m_moments.empty())
        showMoment(m_moment);
}

}  // namespace finwave::app
