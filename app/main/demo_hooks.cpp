#include "app/main/demo_hooks.h"
#include "app/window/user_guide.h"
#include "app/lab/lab_window.h"
#include "app/compare/compare_window.h"

#include "app/editor/scenario_editor.h"
#include "app/quiz/quiz_controller.h"
#include "app/views/sequence/sequence_view.h"
#include "app/views/state_graph/state_graph_view.h"
#include "app/window/main_window.h"
#include "app/window/step_caption_bar.h"
#include "app/window/sim_controller.h"

#include <QApplication>
#include <QLabel>
#include <QEvent>
#include <QPixmap>
#include <QScreen>
#include <QWindow>

#include <algorithm>
#include <cstdio>

namespace finwave::app {

namespace {
// The quiz flags: questions are answered as a student would, through the same slots the keys use.
void runQuizFlags(QuizController& quiz, std::uint64_t steps, int answer, bool summary) {
    using P = QuizController::Phase;
    quiz.setFixedSeed(1);  // the same order of choices in every picture
    quiz.start();
    const auto toQuestion = [&quiz] {
        if (quiz.phase() == P::Idle || quiz.phase() == P::Revealed)
            quiz.next();
    };
    constexpr int kGuard = 100'000;
    if (summary) {
        for (int i = 0; i < kGuard && quiz.phase() != P::Finished; ++i)
            quiz.phase() == P::Asking ? quiz.answer(0) : quiz.next();
        return;
    }
    toQuestion();
    for (std::uint64_t n = 1; n < std::max<std::uint64_t>(1, steps) && quiz.phase() == P::Asking; ++n) {
        quiz.answer(quiz.question()->right);
        toQuestion();
    }
    if (answer > 0 && quiz.phase() == P::Asking)
        quiz.answer(answer - 1);
}

// A visible top-level window not yet exposed on screen, or null.
QWindow* unexposedWindow() {
    for (QWindow* w : QGuiApplication::topLevelWindows())
        if (w->isVisible() && !w->isExposed())
            return w;
    return nullptr;
}
}  // namespace

bool DemoHooks::wanted(const options::WindowOptions& o) {
    return o.steps || o.quiz || o.noteEdit || o.editor || o.guide || o.compare || !o.lab.empty() || o.packet || !o.screenshot.empty() || o.reportGeometry;
}

DemoHooks::DemoHooks(MainWindow* window, const options::WindowOptions& options)
    : QObject(window), m_window(window), m_options(options) {
    whenSettled([this] { act(); });
}

void DemoHooks::whenSettled(std::function<void()> then, int hops) {
    if (QWindow* waiting = unexposedWindow()) {
        m_pending = std::move(then);
        waiting->installEventFilter(this);
        return;
    }
    if (hops > 0) {  // behind whatever is queued now (a window's first layout, a split set after it)
        QMetaObject::invokeMethod(this, [this, then = std::move(then), hops]() mutable { whenSettled(std::move(then), hops - 1); },
                                  Qt::QueuedConnection);
        return;
    }
    then();
}

bool DemoHooks::eventFilter(QObject* watched, QEvent* event) {
    auto* window = qobject_cast<QWindow*>(watched);
    if (window && event->type() == QEvent::Expose && window->isExposed() && m_pending) {
        window->removeEventFilter(this);
        auto then = std::move(m_pending);
        m_pending = nullptr;
        // After the expose event itself has been handled.
        QMetaObject::invokeMethod(this, [this, then = std::move(then)]() mutable { whenSettled(std::move(then)); },
                                  Qt::QueuedConnection);
    }
    return QObject::eventFilter(watched, event);
}

void DemoHooks::act() {
    const options::WindowOptions& o = m_options;
    if (o.editor)
        m_window->showScenarioEditor()->showPage(o.editorPage.value_or(0));
    if (o.guide)
        showUserGuide(m_window);
    if (o.quiz)
        runQuizFlags(*m_window->quiz(), o.steps.value_or(0), o.quizAnswer, o.quizSummary);
    else if (o.steps || !o.screenshot.empty())
        m_window->controller()->seek(o.steps.value_or(10'000'000ull));
    if (o.noteEdit)
        m_window->sequenceView()->editNote(m_window->controller()->sim().stepIndex());
    if (o.compare)
        if (CompareWindow* w = m_window->showCompare())
            w->toFirstDifference();
    if (o.packet && !m_window->showPacketDetails(*o.packet)) {
        std::fprintf(stderr, "finwave: --packet: the run has sent no segment %u by step %llu\n", *o.packet,
                     static_cast<unsigned long long>(m_window->controller()->sim().stepIndex()));
        QApplication::exit(2);
        return;
    }
    if (!o.lab.empty()) {  // the picture once the lab has run
        LabWindow* lab = m_window->showServerLab();
        const auto presets = lab::labPresets();
        for (std::size_t i = 0; i < presets.size(); ++i)
            if (presets[i].name == o.lab)
                lab->applyPreset(static_cast<int>(i));
        connect(lab, &LabWindow::runFinished, this, [this] {
            if (!m_options.screenshot.empty() || m_options.reportGeometry)
                whenSettled([this] { finish(); });
        });
        lab->start();
        return;
    }
    if (!o.screenshot.empty() || o.reportGeometry)
        whenSettled([this] { finish(); });
}

void DemoHooks::finish() {
    QGuiApplication::sync();  // the window system has done what was asked of it (a resize, a move)
    for (QWidget* w : QApplication::topLevelWidgets())
        if (w->isVisible())
            w->repaint();  // painted now, not at the next update
    if (m_options.reportGeometry) {
        // The window's frame, the screen's available area, and the smallest text of each diagram
        // in screen pixels (the label and state-name fonts times the view's scale); then close as a
        // user would (the geometry is saved).
        const QRect f = m_window->frameGeometry();
        const QRect a = m_window->screen() ? m_window->screen()->availableGeometry() : QRect();
        const auto px = [](const QFont& font) { return font.pointSizeF() * kScreenDpi / 72.0; };
        const Theme& t = m_window->sequenceView()->theme();
        const Theme& g = m_window->stateGraph()->theme();  // the graph sets its labels in its own size
        const double seq = m_window->sequenceView()->transform().m11(), graph = m_window->stateGraph()->viewScale();
        // The step caption's sentence, when the caption is shown (0 when not).
        const StepCaptionBar* caption = m_window->stepCaption();
        const double captionPx = caption && caption->isVisible() ? px(caption->label()->font()) : 0.0;
        std::printf("frame %d %d %d %d available %d %d %d %d text sequence %.1f %.1f graph %.1f %.1f caption %.1f\n", f.x(),
                    f.y(), f.width(), f.height(), a.x(), a.y(), a.width(), a.height(), px(t.font) * seq, px(t.titleFont) * seq,
                    px(g.font) * graph, px(g.titleFont) * graph, captionPx);
        std::fflush(stdout);
        m_window->close();
        return;
    }
    // The whole screen the window is on: what a user sees, including whatever does not fit.
    QScreen* screen = m_window->screen();
    const QPixmap shot = screen ? screen->grabWindow(0) : m_window->grab();
    QApplication::exit(shot.save(QString::fromStdString(m_options.screenshot)) ? 0 : 1);
}

}  // namespace finwave::app
