#include "app/window/main_window.h"
#include "core/scenario/lesson.h"

#include "app/editor/scenario_editor.h"

#include "app/text/reason_text.h"
#include "app/text/step_text.h"

#include "app/charts/charts_panel.h"
#include "app/window/capture_panel.h"
#include "app/window/control_panel.h"
#include "app/window/packet_details.h"
#include "app/window/step_caption_bar.h"
#include "app/window/event_log.h"
#include "app/export/export_dialog.h"
#include "app/window/inspector.h"
#include "app/text/language.h"
#include "app/window/playback_bar.h"
#include "app/quiz/quiz_controller.h"
#include "app/quiz/quiz_panel.h"
#include "app/text/scenario_error_text.h"
#include "app/window/sim_controller.h"
#include "app/views/sequence/sequence_scene.h"
#include "app/views/sequence/sequence_view.h"
#include "app/views/state_graph/state_graph_view.h"
#include "core/scenario/builtin_scenarios.h"
#include "core/scenario/scenario_io.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QGuiApplication>
#include <QScreen>
#include <QToolBar>
#include <QVBoxLayout>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolTip>

namespace finwave::app {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), m_ctl(new SimController(this)) {
    setWindowIcon(QIcon(QStringLiteral(":/icons/finwave.svg")));
    m_sequence = new SequenceView(m_ctl, this);
    m_states = new StateGraphView(m_ctl, this);
    m_split = new QSplitter(Qt::Horizontal, this);
    // The step's caption under the sequence diagram, which scrolls: the state graph, which is fitted
    // to its pane, keeps the whole height.
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(0);
    leftLayout->addWidget(m_sequence, 1);
    m_caption = new StepCaptionBar(m_ctl, left);
    leftLayout->addWidget(m_caption);
    m_caption->setShowsNotes(!m_sequence->diagram()->hasNotes() || !m_sequence->diagram()->notesBeside());
    connect(m_sequence->diagram(), &SequenceScene::notesColumnChanged, this, [this](bool shown) {
        m_caption->setShowsNotes(!shown);
        updateCaption();
    });
    m_split->addWidget(left);
    m_split->addWidget(m_states);
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 2);
    m_split->setChildrenCollapsible(false);
    setCentralWidget(createQuiz());

    m_playback = new PlaybackBar(m_ctl, this);
    m_bar = addToolBar(QString());
    m_bar->setObjectName(QStringLiteral("playback"));
    m_bar->setMovable(false);
    m_bar->addWidget(m_playback);
    statusBar()->addPermanentWidget(m_playback->keysLabel());

    const auto dock = [this](QWidget* content, const char* name) {
        auto* d = new QDockWidget(this);
        d->setObjectName(QString::fromLatin1(name));
        d->setWidget(content);
        return d;
    };
    // The sliders, or for an opened capture what it tells (capture_panel.h), in one dock.
    m_controls = new ControlPanel(m_ctl, this);
    m_capturePanel = new CapturePanel(m_ctl, this);
    m_controlsStack = new QStackedWidget(this);
    m_controlsStack->addWidget(m_controls);
    m_controlsStack->addWidget(m_capturePanel);
    m_controlsDock = dock(m_controlsStack, "controls");
    m_log = new EventLogView(m_ctl, this);
    m_logDock = dock(m_log, "log");
    m_inspector = new Inspector(m_ctl, this);
    m_inspectorDock = dock(m_inspector, "inspector");
    m_charts = new ChartsPanel(m_ctl, this);
    m_chartsDock = dock(m_charts, "charts");
    m_details = new PacketDetails(m_ctl, this);
    m_detailsDock = dock(m_details, "details");

    createActions();
    createMenus();
    m_playback->routeReset([this] { resetRun(); });
    retranslate();
    followTheRun();
    updateCaption();
    QSettings settings;
    m_ctl->setSpeed(settings.value(QStringLiteral("view/speed"), 1.0).toDouble());
    arrangeDocks();
    // A layout saved on a screen of another size is not restored: docks arranged for 1920x1080
    // can be taller than a projector's 720 rows, and the window could not fit.
    const QScreen* here = screen() ? screen() : QGuiApplication::primaryScreen();
    const QSize room = here ? here->availableGeometry().size() : QSize();
    const bool sameScreen = settings.value(QStringLiteral("window/screen")).toSize() == room;
    fitToScreen(sameScreen ? settings.value(QStringLiteral("window/geometry")).toByteArray() : QByteArray());
    m_savedLayout = sameScreen && restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_highContrast = settings.value(QStringLiteral("view/highContrast"), false).toBool();
    m_highContrastAction->setChecked(m_highContrast);
    if (settings.value(QStringLiteral("view/theme")).toString() == QLatin1String("projector"))
        setProjectorMode(true, false);
    else
        applyTheme();
    updateRecentMenu();
    updateTitle();
}

// The title follows the run; a capture is not a scenario file; the docks make room as they are raised.
void MainWindow::followTheRun() {
    // A capture is not a scenario file: Save must not write over the file opened before it.
    connect(m_ctl, &SimController::scenarioLoaded, this, [this] {
        if (m_ctl->isReplay()) {
            m_currentFile.clear();
            m_docChanged = false;
            endLesson();
        }
    });
    connect(m_ctl, &SimController::stepChanged, this, &MainWindow::updateTitle);
    connect(m_ctl, &SimController::timesHiddenChanged, this, &MainWindow::updateAccessibleTexts);
    connect(m_ctl, &SimController::stepChanged, this, [this] {  // the title card at step 0; what a screen reader says
        updateCaption();
        updateAccessibleTexts();
    });
    connect(m_ctl, &SimController::lockedChanged, this, &MainWindow::updateCaption);
    // A clicked arrow or a chosen log row: its segment's every field, in a raised dock.
    connect(m_sequence->diagram(), &SequenceScene::segmentChosen, this, &MainWindow::showRecordDetails);
    connect(m_log, &EventLogView::recordChosen, this, &MainWindow::showRecordDetails);
    connect(m_ctl, &SimController::scenarioLoaded, this, &MainWindow::updateTitle);
    // However it came (the command line loads the controller directly), the menu marks it.
    connect(m_ctl, &SimController::scenarioLoaded, this, &MainWindow::markCurrentScenario);
    connect(m_ctl, &SimController::finished, this, &MainWindow::updateTitle);
    connect(m_ctl, &SimController::recordingChanged, this, &MainWindow::updateTitle);
    connect(m_ctl, &SimController::annotationsChanged, this, [this] {
        m_docChanged = true;
        updateTitle();
    });
    connect(m_ctl, &SimController::displayTimeChanged, this, [this] {
        if (!m_ctl->isPlaying())
            updateTitle();
    });
    connect(m_ctl, &SimController::speedChanged, this, [](double speed) {
        QSettings().setValue(QStringLiteral("view/speed"), speed);
    });

    // The charts need height to be read: raising their tab makes the strip taller, raising the
    // log again gives the diagrams their room back.
    connect(m_chartsDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && !m_chartsDock->isFloating() && !m_projector)
            resizeDocks({m_chartsDock}, {height() * 45 / 100}, Qt::Vertical);
    });
    connect(m_logDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && !m_logDock->isFloating() && !m_projector && m_sized)
            resizeDocks({m_logDock}, {std::max(140, height() / 4)}, Qt::Vertical);
    });
}

// Where the docks go on a first start, by the room the screen has. On a projector or laptop
// (narrower than 1600 px) the parameters and the inspector share a tabbed column on the right and
// the log and charts a tabbed strip below, so everything is reachable at 1280×720; on a larger
// screen each gets its own place.
void MainWindow::arrangeDocks() {
    const QScreen* s = screen() ? screen() : QGuiApplication::primaryScreen();
    const QSize avail = s ? s->availableGeometry().size() : QSize(1600, 1000);
    const bool small = avail.width() < 1600 || avail.height() < 900;
    addDockWidget(Qt::RightDockWidgetArea, m_controlsDock);
    addDockWidget(Qt::RightDockWidgetArea, m_inspectorDock);
    addDockWidget(Qt::RightDockWidgetArea, m_detailsDock);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    addDockWidget(Qt::BottomDockWidgetArea, m_chartsDock);
    tabifyDockWidget(m_logDock, m_chartsDock);
    m_logDock->raise();
    if (small) {
        tabifyDockWidget(m_controlsDock, m_inspectorDock);
        m_controlsDock->raise();
    } else {
        splitDockWidget(m_controlsDock, m_inspectorDock, Qt::Vertical);
    }
    tabifyDockWidget(m_inspectorDock, m_detailsDock);
    (small ? m_controlsDock : m_inspectorDock)->raise();
}

// The first time the window shows without a saved layout: the side column as wide as the
// inspector needs (two state names side by side) but at most a quarter of the screen, the log a
// quarter of its height, the diagrams splitting the rest.
void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    if (m_sized)
        return;
    m_sized = true;
    if (!m_savedLayout) {
        const QFontMetrics fm(m_inspector->font());
        const int side = std::min(width() / 4, fm.horizontalAdvance(QStringLiteral("Retransmissions SYN_RECEIVED SYN_RECEIVED")) + 60);
        resizeDocks({m_controlsDock}, {side}, Qt::Horizontal);
        resizeDocks({m_logDock}, {std::max(140, height() / 4)}, Qt::Vertical);
    }
    QTimer::singleShot(0, this, [this] {
        // Only a shown window knows its frame: if the frame reaches past the available area,
        // take the difference off the window.
        if (const QScreen* s = screen()) {
            const QRect avail = s->availableGeometry(), frame = frameGeometry();
            if (!avail.contains(frame)) {
                const QSize margins = frame.size() - size();
                resize((avail.size() - margins).boundedTo(size()));
                move(avail.topLeft());  // a window's position is its frame's
            }
        }
        const int total = m_split->width();
        m_split->setSizes({total * 58 / 100, total * 42 / 100});
    });
}

// The window lies inside the available area of the screen it opens on: a first start fills it,
// a saved geometry is used only where it fits, else clamped.
void MainWindow::fitToScreen(const QByteArray& saved) {
    if (!saved.isEmpty())
        restoreGeometry(saved);
    const QScreen* s = screen() ? screen() : QGuiApplication::primaryScreen();
    if (!s)
        return;
    const QRect avail = s->availableGeometry();
    const QMargins frame = frameGeometry().isValid() && frameGeometry() != geometry()
                               ? QMargins(geometry().left() - frameGeometry().left(), geometry().top() - frameGeometry().top(),
                                          frameGeometry().right() - geometry().right(), frameGeometry().bottom() - geometry().bottom())
                               : QMargins();
    const QRect room = avail.marginsRemoved(frame);
    QRect g = saved.isEmpty() ? QRect() : geometry();
    if (!g.isValid() || !room.contains(g)) {
        g = QRect(QPoint(0, 0), room.size());
        g.moveCenter(room.center());
        g = g.intersected(room);
    }
    setGeometry(g);
}

MainWindow::~MainWindow() = default;

bool MainWindow::showPacketDetails(std::uint32_t id) {
    const Trace& trace = m_ctl->sim().trace();
    for (std::size_t i = 0; i < trace.size(); ++i)
        if (trace[i].kind == EventKind::Send && trace[i].hasSegment && trace[i].seg.id == id) {
            showRecordDetails(i);
            return true;
        }
    return false;
}

void MainWindow::showRecordDetails(std::size_t record) {
    m_details->showRecord(record);
    if (m_details->shownRecord() != record)
        return;
    m_detailsDock->show();
    m_detailsDock->raise();
    // Wide enough for a field's name and a number with its other form beside it, so values wrap
    // between words; at most two fifths of the window.
    const QFontMetrics fm(m_details->font());
    const int want = std::min(width() * 2 / 5, fm.horizontalAdvance(QStringLiteral("Acknowledgment number 4294967295 (absolute 4294967295)")) + 48);
    if (!m_detailsDock->isFloating() && m_detailsDock->width() < want)
        resizeDocks({m_detailsDock}, {want}, Qt::Horizontal);
}


void MainWindow::updateTitle() {
    const Simulator& sim = m_ctl->sim();
    // An imported capture: its title, no sliders and no drops (what was captured happened).
    const bool replay = m_ctl->isReplay();
    // Nothing can be changed in a capture, nor while a teacher's quiz locks the parameters: the
    // sliders and drops look so for the whole quiz (each step used to enable them again).
    const bool changeable = !replay && !m_ctl->isLocked();
    m_controls->setEnabled(changeable);
    m_controlsStack->setCurrentWidget(replay ? static_cast<QWidget*>(m_capturePanel) : m_controls);
    m_controlsDock->setWindowTitle(replay ? tr("Capture") : tr("Parameters"));
    m_dropA->setEnabled(changeable);
    m_dropB->setEnabled(changeable);
    m_exportCapture->setEnabled(!replay);
    m_save->setEnabled(!replay);
    m_saveAs->setEnabled(!replay);
    const QString name = QString::fromStdString(replay ? sim.scenario().title : sim.scenario().name);
    // The file's name as desktop programs show it, marked while the run has unsaved changes.
    const QString document = m_currentFile.isEmpty() || replay ? name : QFileInfo(m_currentFile).fileName();
    setWindowTitle(tr("FinWave — %1").arg(document + QStringLiteral("[*]")));
    setWindowModified(isModified());
    if (replay) {
        statusBar()->showMessage(tr("%1 · step %2 · t = %3 · %4")
                                     .arg(name)
                                     .arg(sim.stepIndex())
                                     .arg(formatTime(std::max(m_ctl->displayTime(), sim.now()), sim.timeGrain()))
                                     .arg(m_ctl->teardownText()));
        return;
    }
    // The cursor's time, as every view shows it.
    // In a lesson its place names the scenario ("2 / 4: lost-last-ack"), so the name is not repeated.
    const QString lesson = lessonPlace();
    QString status = tr("%1 · profile %2 · step %3 · t = %4")
                         .arg(lesson.isEmpty() ? name : lesson, QString::fromUtf8(profileName(sim.params().profile).data()))
                         .arg(sim.stepIndex())
                         .arg(formatTime(std::max(m_ctl->displayTime(), sim.now()), sim.timeGrain()));
    if (sim.isFinished())
        status += tr(" · finished: %1").arg(outcomeText(sim.outcome()));
    if (const std::optional<Departure> d = m_ctl->departure())
        status += departureText(*d);  // app/text/step_text.h
    statusBar()->showMessage(status);
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!maybeKeepChanges()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    if (const QScreen* s = screen())
        settings.setValue(QStringLiteral("window/screen"), s->availableGeometry().size());
    QMainWindow::closeEvent(event);
}

}  // namespace finwave::app
