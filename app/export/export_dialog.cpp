#include "app/export/export_dialog.h"

#include "app/export/animation_export.h"
#include "app/export/diagram_exporter.h"
#include "app/export/export_choices.h"
#include "app/export/png_encoder.h"
#include "app/text/language.h"
#include "app/text/reason_text.h"
#include "app/text/step_text.h"
#include "app/window/sim_controller.h"
#include "app/views/sequence/sequence_scene.h"
#include "app/views/state_graph/state_graph_scene.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QPixmap>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QElapsedTimer>
#include <QProgressDialog>
#include <QSettings>
#include <QStandardPaths>
#include <QSpinBox>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <optional>

namespace finwave::app {

namespace {
// An export's progress: window-modal, shown only after `afterMs`, kept open (not reset) when its
// value reaches the end, since one dialog goes through drawing and writing.
void setUpExportProgress(QProgressDialog& progress, int afterMs) {
    progress.setWindowTitle(QCoreApplication::translate("ExportDialog", "Export diagram"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(afterMs);
    progress.setAutoReset(false);
}

// A fresh controller holding the window's run (with the user's drops, slider moves and notes at
// their steps, or the open capture) at `step`.
void replay(SimController& ctl, SimController* source, quint64 step) {
    ctl.loadSameRun(*source);
    ctl.setTimesHidden(source->timesHidden());  // a quiz's open timer question is not answered by a copy
    ctl.seek(step);
}

// The export's language for as long as it draws, then the window's again.
class LanguageFor {
public:
    explicit LanguageFor(const QString& language) : m_previous(currentLanguage()) {
        m_switched = !language.isEmpty() && language != m_previous;
        if (m_switched)
            installLanguage(language);
    }
    ~LanguageFor() {
        if (m_switched)
            installLanguage(m_previous);
    }
    LanguageFor(const LanguageFor&) = delete;
    LanguageFor& operator=(const LanguageFor&) = delete;

private:
    QString m_previous;
    bool m_switched = false;
};
}  // namespace

// The window's choice of View → Whole state diagram: what is exported is what is shown.
static bool wholeFigureChosen() { return QSettings().value(QStringLiteral("view/wholeFigure"), false).toBool(); }

QImage previewDiagram(SimController* controller, DiagramView view, const QString& theme) {
    SimController ctl;
    replay(ctl, controller, 1'000'000);
    if (!drawingBudgetProblem(ctl).isEmpty())
        return {};  // no preview of a run too large to export
    SequenceScene seq(&ctl);
    StateGraphScene states(&ctl);
    states.setWholeFigure(wholeFigureChosen());
    seq.setTheme(Theme::byName(theme));
    states.setTheme(Theme::byName(theme));
    ExportOptions o;
    o.view = view;
    o.fit = kFitFullHd;  // a bounded picture however long the run
    return paintDiagram(&seq, &states, o).image.scaled(QSize(480, 270), Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

QString exportRun(QWidget* parent, SimController* controller, bool completeRun, ExportOptions options, const QString& path,
                  bool* cancelled, const ExportRunSettings& settings) {
    const int progressAfterMs = settings.progressAfterMs;
    const DiagramWriter writer = settings.writer ? settings.writer : DiagramWriter(writeDiagram);
    QElapsedTimer clock;  // one half second for both phases (the dialog would count each anew)
    clock.start();
    if (cancelled)
        *cancelled = false;
    if (QString error = checkExportPath(path); !error.isEmpty())
        return error;
    SimController ctl;
    replay(ctl, controller, completeRun ? 1'000'000 : controller->sim().stepIndex());
    if (const QString tooLarge = drawingBudgetProblem(ctl); !tooLarge.isEmpty())
        return path + QStringLiteral(": ") + tooLarge;
    std::optional<LanguageFor> language(std::in_place, options.language);
    SequenceScene seq(&ctl);
    StateGraphScene states(&ctl);
    states.setWholeFigure(wholeFigureChosen());
    seq.setTheme(Theme::byName(options.theme));
    states.setTheme(Theme::byName(options.theme));
    // The run's parameters; for an export of the run up to a step, that step's sentence too.
    if (!options.caption.isNull())
        options.caption = runCaption(ctl.sim()) +
                          (completeRun ? QString() : QLatin1Char('\n') + stepCaptionLine(ctl.sim(), ctl.teardownText()));
    const QString name = QFileInfo(path).fileName();
    // One dialog for both phases, shown only if the export takes over half a second: drawing
    // strip by strip, then encoding and writing on a worker thread; Cancel works in both.
    QProgressDialog progress(QCoreApplication::translate("ExportDialog", "Drawing %1…").arg(name),
                             QCoreApplication::translate("ExportDialog", "Cancel"), 0, 0, parent);
    setUpExportProgress(progress, progressAfterMs);  // one dialog through both phases, not closed between them
    progress.setAutoClose(false);
    const PaintedDiagram painted = paintDiagram(&seq, &states, options, [&progress](int done, int total) {
        progress.setMaximum(total);
        progress.setValue(done);  // a modal progress dialog processes events here
        return !progress.wasCanceled();
    });
    language.reset();  // drawn: the window's language again while the file is written
    // A Cancel clicked during the last strip is seen here, before anything is written.
    if (painted.cancelled || progress.wasCanceled()) {
        if (cancelled)
            *cancelled = true;
        return {};
    }
    // Encoding and writing on a worker; the bar follows the rows it has compressed, and Cancel
    // stops it (the window is blocked by the window-modal dialog, so only the dialog takes input).
    progress.setLabelText(QCoreApplication::translate("ExportDialog", "Writing %1…").arg(name));
    progress.setRange(0, painted.image.isNull() ? 0 : painted.image.height());
    EncodeControl control;
    QFutureWatcher<QString> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<QString>::finished, &loop, &QEventLoop::quit);
    QTimer poll;
    // The dialog's own clock starts again whenever it is set to its minimum, so it is shown here
    // once the whole export has taken the time; and the bar is set only once a row is done.
    const auto showIfLong = [&progress, &clock, progressAfterMs] {
        if (!progress.isVisible() && !progress.wasCanceled() && clock.elapsed() >= progressAfterMs)
            progress.show();
    };
    QObject::connect(&poll, &QTimer::timeout, &progress, [&progress, &control, showIfLong] {
        if (progress.wasCanceled())  // the button, Escape or cancel(): all set this
            control.cancel = true;
        showIfLong();
        if (progress.maximum() > 0 && control.rowsDone.load() > 0)
            progress.setValue(std::min(progress.maximum() - 1, control.rowsDone.load()));
    });
    // Cancel reaches the writer at once, not at the next poll: until the file is committed it is
    // never too late.
    QObject::connect(&progress, &QProgressDialog::canceled, &progress, [&control] { control.cancel = true; });
    showIfLong();
    poll.start(100);
    watcher.setFuture(QtConcurrent::run([painted, path, &control, writer] { return writer(painted, path, &control); }));
    if (!watcher.isFinished())
        loop.exec();
    poll.stop();
    if (control.stopped) {  // cancelled in time: nothing was written
        if (cancelled)
            *cancelled = true;
        return {};
    }
    return watcher.result();
}

QString exportMovingFromWindow(QWidget* parent, SimController* controller, const ExportOptions& options, const QString& path,
                               bool* cancelled, int progressAfterMs) {
    const QString name = QFileInfo(path).fileName();
    // Frames are drawn by the scenes here, on the GUI thread; the modal dialog keeps the window
    // painting between them and takes the Cancel, which stops before anything is written.
    QProgressDialog progress(QCoreApplication::translate("ExportDialog", "Writing %1…").arg(name),
                             QCoreApplication::translate("ExportDialog", "Cancel"), 0, 0, parent);
    setUpExportProgress(progress, progressAfterMs);
    progress.setAutoClose(false);
    const LanguageFor language(options.language);
    return exportMoving(*controller, options, path, [&progress](int done, int total) {
        progress.setMaximum(total);
        progress.setValue(std::min(done, total - 1));  // processes events: the Cancel is seen here
        return !progress.wasCanceled();
    }, cancelled);
}

QString exportStartFolder() {
    QString folder = QSettings().value(QStringLiteral("export/folder")).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!QFileInfo(folder).isDir())
        folder = QDir::homePath();
    return folder;
}

QString pathWithFormat(const QString& path, const QString& chosenExtension, ExportFormat& format) {
    if (formatFromPath(path, format))
        return path;
    formatFromPath(QStringLiteral("x.") + chosenExtension, format);
    return path + QLatin1Char('.') + chosenExtension;
}

void showExportDialog(QWidget* parent, SimController* controller) {
    ExportChoicesDialog dialog(parent, controller);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QSettings settings;
    const QString suggested = exportStartFolder() + QLatin1Char('/') + QString::fromStdString(controller->scenario().name) +
                              QLatin1Char('.') + dialog.extension();
    QString path = QFileDialog::getSaveFileName(parent, QCoreApplication::translate("ExportDialog", "Export diagram"), suggested,
                                                QCoreApplication::translate("ExportDialog", "%1 files (*.%2)").arg(dialog.formatName(), dialog.extension()));
    if (path.isEmpty())
        return;
    ExportOptions o = dialog.options();
    path = pathWithFormat(path, dialog.extension(), o.format);
    o.handout = o.handout && o.format == ExportFormat::Pdf;  // "x.gif" typed with Handout chosen is a GIF
    dialog.remember();
    settings.setValue(QStringLiteral("export/folder"), QFileInfo(path).absolutePath());
    // A cancelled export returns no error: nothing was written and nothing needs saying.
    const QString error = isMovingExport(o) ? exportMovingFromWindow(parent, controller, o, path)
                                            : exportRun(parent, controller, dialog.completeRun(), o, path);
    if (!error.isEmpty())
        QMessageBox::warning(parent, QCoreApplication::translate("ExportDialog", "Export failed"), error);
}

void copyDiagramToClipboard(SimController* controller) {
    SimController ctl;
    replay(ctl, controller, controller->sim().stepIndex());
    if (const QString tooLarge = drawingBudgetProblem(ctl); !tooLarge.isEmpty()) {
        QMessageBox::warning(QApplication::activeWindow(), QCoreApplication::translate("ExportDialog", "Copy as image"), tooLarge);
        return;
    }
    SequenceScene seq(&ctl);
    StateGraphScene states(&ctl);
    states.setWholeFigure(wholeFigureChosen());
    ExportOptions o;
    o.scale = 2;
    if (seq.contentRect().height() > 3 * seq.contentRect().width())
        o.fit = kFit4K;
    QGuiApplication::clipboard()->setImage(paintDiagram(&seq, &states, o).image);
}

}  // namespace finwave::app
