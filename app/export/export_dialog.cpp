#include "app/export/export_dialog.h"

#include "app/export/diagram_exporter.h"
#include "app/export/png_encoder.h"
#include "app/text/language.h"
#include "app/text/reason_text.h"
#include "app/window/sim_controller.h"
#include "app/views/sequence/sequence_scene.h"
#include "app/views/state_graph/state_graph_scene.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
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
#include <QSpinBox>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>

namespace finwave::app {

namespace {


// A fresh controller holding the window's run (with the user's drops, slider moves and notes at
// their steps, or the open capture) at `step`.
void replay(SimController& ctl, SimController* source, quint64 step) {
    ctl.loadSameRun(*source);
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
    std::optional<LanguageFor> language(std::in_place, options.language);
    SequenceScene seq(&ctl);
    StateGraphScene states(&ctl);
    states.setWholeFigure(wholeFigureChosen());
    seq.setTheme(Theme::byName(options.theme));
    states.setTheme(Theme::byName(options.theme));
    if (!options.caption.isNull())
        options.caption = runCaption(ctl.sim());
    const QString name = QFileInfo(path).fileName();
    // One dialog for both phases, shown only if the export takes over half a second: drawing
    // strip by strip, then encoding and writing on a worker thread; Cancel works in both.
    QProgressDialog progress(QCoreApplication::translate("ExportDialog", "Drawing %1…").arg(name),
                             QCoreApplication::translate("ExportDialog", "Cancel"), 0, 0, parent);
    progress.setWindowTitle(QCoreApplication::translate("ExportDialog", "Export diagram"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(progressAfterMs);
    progress.setAutoReset(false);  // one dialog through both phases, not closed between them
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

void showExportDialog(QWidget* parent, SimController* controller) {
    QSettings settings;
    QDialog dialog(parent);
    dialog.setWindowTitle(QCoreApplication::translate("ExportDialog", "Export diagram"));
    auto* view = new QComboBox(&dialog);
    view->addItems({QCoreApplication::translate("ExportDialog", "Sequence diagram"), QCoreApplication::translate("ExportDialog", "State graph"), QCoreApplication::translate("ExportDialog", "Both, side by side")});
    auto* format = new QComboBox(&dialog);
    format->addItems({QStringLiteral("PNG"), QStringLiteral("SVG"), QStringLiteral("PDF")});
    format->setCurrentIndex(settings.value(QStringLiteral("export/format"), 0).toInt());
    auto* scale = new QSpinBox(&dialog);
    scale->setRange(1, 4);
    scale->setSuffix(QStringLiteral("×"));
    scale->setValue(settings.value(QStringLiteral("export/scale"), 2).toInt());
    // One long column at a scale, or cut into columns to fill a slide (16:9).
    auto* size = new QComboBox(&dialog);
    size->addItems({QCoreApplication::translate("ExportDialog", "One column, at a scale"),
                    QCoreApplication::translate("ExportDialog", "Fit a 4K slide (3840 × 2160)"),
                    QCoreApplication::translate("ExportDialog", "Fit a Full HD slide (1920 × 1080)")});
    size->setToolTip(QCoreApplication::translate("ExportDialog", "A long run is cut into columns placed side by side; a PNG is then exactly the slide's size. An SVG stays one column."));
    size->setCurrentIndex(std::clamp(settings.value(QStringLiteral("export/size"), 0).toInt(), 0, 2));
    auto* transparent = new QCheckBox(QCoreApplication::translate("ExportDialog", "Transparent background (PNG)"), &dialog);
    // Only what applies to the chosen format is enabled: the scale to a one-column PNG, the size
    // to PNG and PDF (an SVG is one column), transparency to PNG.
    const auto enable = [format, size, scale, transparent] {
        const bool png = format->currentIndex() == 0;
        size->setEnabled(format->currentIndex() != 1);
        scale->setEnabled(png && size->currentIndex() == 0);
        transparent->setEnabled(png);
    };
    enable();
    QObject::connect(size, &QComboBox::currentIndexChanged, &dialog, enable);
    QObject::connect(format, &QComboBox::currentIndexChanged, &dialog, enable);
    auto* caption = new QCheckBox(QCoreApplication::translate("ExportDialog", "Caption with scenario, profile and parameters"), &dialog);
    view->setCurrentIndex(std::clamp(settings.value(QStringLiteral("export/view"), 0).toInt(), 0, 2));
    transparent->setChecked(settings.value(QStringLiteral("export/transparent"), false).toBool());
    caption->setChecked(settings.value(QStringLiteral("export/caption"), false).toBool());
    // The command line's --theme and --lang, and a preview of the view in the chosen theme.
    auto* theme = new QComboBox(&dialog);
    theme->addItems({QCoreApplication::translate("ExportDialog", "Light"), QCoreApplication::translate("ExportDialog", "Projector")});
    theme->setCurrentIndex(std::clamp(settings.value(QStringLiteral("export/theme"), 0).toInt(), 0, 1));
    auto* language = new QComboBox(&dialog);
    language->addItem(QCoreApplication::translate("ExportDialog", "As the window"), QString());
    language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    language->setCurrentIndex(std::clamp(settings.value(QStringLiteral("export/language"), 0).toInt(), 0, 2));
    auto* preview = new QLabel(&dialog);
    preview->setMinimumSize(480, 270);
    preview->setAlignment(Qt::AlignCenter);
    const auto refreshPreview = [preview, controller, view, theme] {
        preview->setPixmap(QPixmap::fromImage(previewDiagram(controller, static_cast<DiagramView>(view->currentIndex()),
                                                             theme->currentIndex() == 1 ? QStringLiteral("projector")
                                                                                        : QStringLiteral("light"))));
    };
    QObject::connect(view, &QComboBox::currentIndexChanged, &dialog, refreshPreview);
    QObject::connect(theme, &QComboBox::currentIndexChanged, &dialog, refreshPreview);
    refreshPreview();
    auto* scope = new QComboBox(&dialog);
    scope->addItems({QCoreApplication::translate("ExportDialog", "The complete run"), QCoreApplication::translate("ExportDialog", "Up to the current step")});
    auto* form = new QFormLayout(&dialog);
    form->addRow(QCoreApplication::translate("ExportDialog", "View"), view);
    form->addRow(QCoreApplication::translate("ExportDialog", "Format"), format);
    form->addRow(QCoreApplication::translate("ExportDialog", "Size"), size);
    form->addRow(QCoreApplication::translate("ExportDialog", "Scale"), scale);
    form->addRow(transparent);
    form->addRow(caption);
    form->addRow(QCoreApplication::translate("ExportDialog", "Scope"), scope);
    form->addRow(QCoreApplication::translate("ExportDialog", "Theme"), theme);
    form->addRow(QCoreApplication::translate("ExportDialog", "Language"), language);
    form->addRow(preview);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString ext[] = {QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf")};
    const QString folder = settings.value(QStringLiteral("export/folder")).toString();
    const QString suggested = folder + QLatin1Char('/') + QString::fromStdString(controller->scenario().name) +
                              QLatin1Char('.') + ext[format->currentIndex()];
    const QString path = QFileDialog::getSaveFileName(parent, QCoreApplication::translate("ExportDialog", "Export diagram"), suggested,
                                                      QCoreApplication::translate("ExportDialog", "%1 files (*.%2)").arg(format->currentText(), ext[format->currentIndex()]));
    if (path.isEmpty())
        return;
    ExportOptions o;
    o.view = static_cast<DiagramView>(view->currentIndex());
    o.format = static_cast<ExportFormat>(format->currentIndex());
    o.scale = scale->value();
    o.fit = size->currentIndex() == 1 ? kFit4K : size->currentIndex() == 2 ? kFitFullHd : QSize();
    o.transparent = transparent->isChecked();
    o.caption = caption->isChecked() ? QStringLiteral("") : QString();
    o.theme = theme->currentIndex() == 1 ? QStringLiteral("projector") : QStringLiteral("light");
    o.language = language->currentData().toString();
    settings.setValue(QStringLiteral("export/folder"), QFileInfo(path).absolutePath());
    settings.setValue(QStringLiteral("export/format"), format->currentIndex());
    settings.setValue(QStringLiteral("export/scale"), scale->value());
    settings.setValue(QStringLiteral("export/size"), size->currentIndex());
    settings.setValue(QStringLiteral("export/view"), view->currentIndex());
    settings.setValue(QStringLiteral("export/transparent"), transparent->isChecked());
    settings.setValue(QStringLiteral("export/caption"), caption->isChecked());
    settings.setValue(QStringLiteral("export/theme"), theme->currentIndex());
    settings.setValue(QStringLiteral("export/language"), language->currentIndex());
    // A cancelled export returns no error: nothing was written and nothing needs saying.
    const QString error = exportRun(parent, controller, scope->currentIndex() == 0, o, path);
    if (!error.isEmpty())
        QMessageBox::warning(parent, QCoreApplication::translate("ExportDialog", "Export failed"), error);
}

void copyDiagramToClipboard(SimController* controller) {
    SimController ctl;
    replay(ctl, controller, controller->sim().stepIndex());
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
