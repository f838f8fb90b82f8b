// Exporting from the window: the dialog's choices reach the file and are remembered, the window
// keeps running while a file is encoded, and Copy as image puts the diagram on the clipboard.
#include "app/export/export_dialog.h"
#include "app/export/png_encoder.h"
#include "app/text/language.h"
#include "app/window/sim_controller.h"
#include "app/views/sequence/sequence_scene.h"
#include "app/views/state_graph/state_graph_scene.h"
#include "core/scenario/builtin_scenarios.h"
#include "core/capture/capture_reader.h"
#include "core/capture/reconstruct.h"
#include "support/export_views.h"
#include "support/long_run.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QLineEdit>
#include <QProgressDialog>
#include <QDir>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <memory>
#include <thread>

using namespace finwave;
using namespace finwave::app;

namespace {

// Runs `act` on the next modal dialog of type T once it is up (within two seconds).
template <class T, class F>
void whenModal(F act) {
    auto* poll = new QTimer;
    auto started = std::make_shared<int>(0);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, act, started] {
        if (auto* dialog = qobject_cast<T*>(QApplication::activeModalWidget())) {
            // Stopped at once: deleteLater waits for this event loop level, and a nested dialog's
            // loop (the file dialog opened from `act`) would let this poll fire again and take
            // that dialog for this one.
            poll->stop();
            poll->deleteLater();
            act(dialog);
        } else if (++*started > 200) {
            poll->stop();
            poll->deleteLater();
        }
    });
    poll->start(10);
}
}  // namespace

// The file is written on a worker while the window's event loop turns: the writer here waits, on
// its worker, until the GUI thread has served a call posted once writing began. An export that
// wrote on the GUI thread would never serve it (the writer then gives up after ten seconds and the
// export fails), whatever the machine's speed.
TEST(ExportFromWindow, TheWindowKeepsRunningWhileAFileIsWritten) {
    SimController ctl;
    ctl.loadScenario(finwave::testing::longRun(200));
    QTemporaryDir dir;
    auto served = std::make_shared<std::promise<void>>();
    std::shared_future<void> servedNow = served->get_future().share();
    ExportRunSettings settings;
    settings.writer = [served, servedNow](const PaintedDiagram& painted, const QString& path, EncodeControl* control) {
        QMetaObject::invokeMethod(qApp, [served] { served->set_value(); }, Qt::QueuedConnection);
        if (servedNow.wait_for(std::chrono::seconds(10)) != std::future_status::ready)
            return QStringLiteral("the window's event loop did not turn while the file was written");
        return writeDiagram(painted, path, control);
    };
    ExportOptions o;
    o.fit = kFit4K;
    const QString path = dir.filePath(QStringLiteral("slide.png"));
    ASSERT_EQ(exportRun(nullptr, &ctl, true, o, path, nullptr, settings), QString());
    EXPECT_EQ(QImage(path).size(), QSize(3840, 2160));
}

TEST(ExportFromWindow, CompleteRunAndUpToTheStepDiffer) {
    SimController ctl;
    ctl.loadScenario(*builtinScenario("lost-fin"));
    ctl.seek(3);
    QTemporaryDir dir;
    const QString whole = dir.filePath(QStringLiteral("w.png")), part = dir.filePath(QStringLiteral("p.png"));
    ASSERT_EQ(exportRun(nullptr, &ctl, true, {}, whole), QString());
    ASSERT_EQ(exportRun(nullptr, &ctl, false, {}, part), QString());
    EXPECT_LT(QImage(part).height(), QImage(whole).height());
    EXPECT_EQ(ctl.sim().stepIndex(), 3u);  // the window's run is not moved
    EXPECT_TRUE(exportRun(nullptr, &ctl, true, {}, dir.filePath(QStringLiteral("none/x.png"))).contains(QStringLiteral("none")));
}

TEST(ExportFromWindow, CopyAsImagePutsTheDiagramOnTheClipboard) {
    SimController ctl;
    ctl.loadScenario(*builtinScenario("normal-close"));
    ctl.seek(100);
    QGuiApplication::clipboard()->clear();
    copyDiagramToClipboard(&ctl);
    const QImage shortRun = QGuiApplication::clipboard()->image();
    ASSERT_FALSE(shortRun.isNull());
    SequenceScene onScreen(&ctl);
    EXPECT_GE(shortRun.width(), 2 * static_cast<int>(onScreen.contentRect().width()));  // twice the screen's size
    ctl.loadScenario(finwave::testing::longRun(200));
    ctl.seek(1'000'000);
    copyDiagramToClipboard(&ctl);
    EXPECT_EQ(QGuiApplication::clipboard()->image().size(), QSize(3840, 2160));  // a slide, not a 40 000 px strip
}

TEST(ExportFromWindow, TheDialogsChoicesReachTheFileAndAreRemembered) {
    // The dialog suggests the last folder; the user picks another one. The file keeps the
    // suggested name: the file dialog sets its suggested name again once its folder has been read,
    // which a name typed by a test before then would lose (seen once in twenty runs).
    QTemporaryDir last, dir;
    QSettings().remove(QStringLiteral("export"));
    QSettings().setValue(QStringLiteral("export/folder"), last.path());
    SimController ctl;
    ctl.loadScenario(*builtinScenario("normal-close"));
    ctl.seek(100);
    const QString path = dir.filePath(QStringLiteral("normal-close.png"));
    bool sawDialog = false, sawFileDialog = false, sizeEnabledForSvg = true, sizeEnabledForPng = false;
    whenModal<QDialog>([&](QDialog* dialog) {
        sawDialog = true;
        const auto combos = dialog->findChildren<QComboBox*>();
        QComboBox *size = nullptr, *format = nullptr;
        for (QComboBox* c : combos) {
            if (c->count() == 3 && c->itemText(2).contains(QStringLiteral("1920")))
                size = c;
            if (c->count() >= 3 && c->itemText(1) == QStringLiteral("SVG"))
                format = c;
        }
        if (!size || !format) {  // the test then fails on sawFileDialog, not by hanging
            dialog->reject();
            return;
        }
        // An SVG is one column: the size does not apply to it, so it is disabled.
        format->setCurrentIndex(1);
        sizeEnabledForSvg = size->isEnabled();
        format->setCurrentIndex(0);
        size->setCurrentIndex(2);  // Fit a Full HD slide
        sizeEnabledForPng = size->isEnabled();
        whenModal<QFileDialog>([&](QFileDialog* files) {
            sawFileDialog = true;
            files->setDirectory(dir.path());
            files->selectFile(path);
            QMetaObject::invokeMethod(files, "accept");
        });
        dialog->accept();
    });
    showExportDialog(nullptr, &ctl);
    EXPECT_TRUE(sawDialog);
    ASSERT_TRUE(sawFileDialog);
    EXPECT_FALSE(sizeEnabledForSvg);
    EXPECT_TRUE(sizeEnabledForPng);
    EXPECT_EQ(QImage(path).size(), QSize(1920, 1080))
        << "files written: " << QDir(dir.path()).entryList(QDir::Files).join(QLatin1Char(' ')).toStdString();
    QSettings settings;
    EXPECT_EQ(settings.value(QStringLiteral("export/size")).toInt(), 2);
    EXPECT_EQ(settings.value(QStringLiteral("export/folder")).toString(), dir.path());
}

// A first export's file dialog opens in the user's documents (or home), not in "/", and a name
// typed with another known extension is written in that format: "x.pdf" with SVG chosen is a PDF.
TEST(ExportFromWindow, TheFileDialogStartsInDocumentsAndTheTypedExtensionDecidesTheFormat) {
    QSettings().remove(QStringLiteral("export"));
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    EXPECT_EQ(exportStartFolder(), QFileInfo(documents).isDir() ? documents : QDir::homePath());
    EXPECT_NE(exportStartFolder(), QStringLiteral("/"));
    SimController ctl;
    ctl.loadScenario(*builtinScenario("normal-close"));
    QString startedIn;
    whenModal<QDialog>([&](QDialog* dialog) {
        whenModal<QFileDialog>([&](QFileDialog* files) {
            startedIn = files->directory().absolutePath();
            files->reject();
        });
        dialog->accept();
    });
    showExportDialog(nullptr, &ctl);
    EXPECT_EQ(startedIn, exportStartFolder());
    ExportFormat format = ExportFormat::Png;
    EXPECT_EQ(pathWithFormat(QStringLiteral("/t/x.pdf"), QStringLiteral("svg"), format), QStringLiteral("/t/x.pdf"));
    EXPECT_EQ(format, ExportFormat::Pdf);
    EXPECT_EQ(pathWithFormat(QStringLiteral("/t/x"), QStringLiteral("svg"), format), QStringLiteral("/t/x.svg"));
    EXPECT_EQ(format, ExportFormat::Svg);
}

// Cancel in the progress dialog, clicked as a user would while the file is being written, stops the
// real writer before anything is committed. The writer is held until the click has reached it, so
// the click never comes too late on a fast machine.
TEST(ExportFromWindow, CancelInTheProgressDialogStopsAndWritesNothing) {
    SimController ctl;
    ctl.loadScenario(finwave::testing::longRun(200));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("long.png"));
    ExportOptions o;
    o.scale = 2;
    bool sawProgress = false;
    whenModal<QProgressDialog>([&sawProgress](QProgressDialog* progress) {
        sawProgress = true;
        if (QPushButton* button = progress->findChild<QPushButton*>())
            button->click();  // as the user would
    });
    ExportRunSettings settings;
    settings.progressAfterMs = 0;  // the dialog at once
    settings.writer = [](const PaintedDiagram& painted, const QString& file, EncodeControl* control) {
        for (int i = 0; i < 1000 && !control->cancel.load(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        return writeDiagram(painted, file, control);  // the real writer, with Cancel already clicked
    };
    bool cancelled = false;
    EXPECT_EQ(exportRun(nullptr, &ctl, true, o, path, &cancelled, settings), QString());
    EXPECT_TRUE(sawProgress);
    EXPECT_TRUE(cancelled);
    EXPECT_FALSE(QFile::exists(path));
}

// The dialog's theme and language reach the file as the command line's --theme and --lang do,
// and the window keeps its own language; the preview is a small picture of the chosen look.
TEST(ExportFromWindow, ThemeAndLanguageChoicesReachTheFileAndTheWindowKeepsItsLanguage) {
    SimController ctl;
    ctl.loadScenario(*builtinScenario("normal-close"));
    QTemporaryDir dir;
    const QString before = currentLanguage();
    ExportOptions o;
    o.format = ExportFormat::Svg;
    o.theme = QStringLiteral("projector");
    o.language = QStringLiteral("zh_CN");
    const QString path = dir.filePath(QStringLiteral("zh.svg"));
    ASSERT_EQ(exportRun(nullptr, &ctl, true, o, path), QString());
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QString svg = QString::fromUtf8(f.readAll());
    EXPECT_TRUE(svg.contains(QStringLiteral("配置"))) << "the subtitle in Chinese";
    const QString projectorLabel = QStringLiteral("font-size=\"%1\"").arg(Theme::projector().font.pointSizeF() * 96.0 / 72.0, 0, 'g', 6);
    EXPECT_TRUE(svg.contains(projectorLabel)) << projectorLabel.toStdString();
    EXPECT_EQ(currentLanguage(), before);
    const QImage light = previewDiagram(&ctl, DiagramView::Both, QStringLiteral("light"));
    const QImage projector = previewDiagram(&ctl, DiagramView::Both, QStringLiteral("projector"));
    EXPECT_LE(light.width(), 480);
    EXPECT_LE(light.height(), 270);
    EXPECT_FALSE(light.isNull());
    EXPECT_NE(light, projector);
    // High contrast: A's darker blue (9.7:1) instead of the light theme's.
    o.theme = QStringLiteral("high-contrast");
    const QString hcPath = dir.filePath(QStringLiteral("hc.svg"));
    ASSERT_EQ(exportRun(nullptr, &ctl, true, o, hcPath), QString());
    QFile hc(hcPath);
    ASSERT_TRUE(hc.open(QIODevice::ReadOnly));
    const QString hcSvg = QString::fromUtf8(hc.readAll());
    EXPECT_TRUE(hcSvg.contains(Theme::highContrast().sideA.name()));
    EXPECT_FALSE(hcSvg.contains(Theme::light().sideA.name()));
}

namespace {
// The text an SVG export of `ctl`'s run holds, drawn by exportRun as File → Export does.
QString exportedSvgText(SimController* ctl, bool completeRun, const QString& path) {
    ExportOptions o;
    o.format = ExportFormat::Svg;
    if (!exportRun(nullptr, ctl, completeRun, o, path).isEmpty())
        return {};
    bool wellFormed = false;
    return finwave::testing::svgText(finwave::testing::readFile(path), &wellFormed);
}

// The text of the scene the window shows, drawn into an SVG by the same exporter.
QString windowSceneSvgText(SequenceScene* seq, StateGraphScene* states, const QString& path) {
    ExportOptions o;
    o.format = ExportFormat::Svg;
    if (!exportDiagram(seq, states, o, path).isEmpty())
        return {};
    bool wellFormed = false;
    return finwave::testing::svgText(finwave::testing::readFile(path), &wellFormed);
}
}  // namespace

// A teacher drops A's next segment (D) at the start, moves the delay slider mid-run and steps to
// the end: File → Export draws that run (the lost FIN, its retransmission, the later end), not the
// scenario replayed with today's sliders.
TEST(ExportFromWindow, AnExportDrawsTheRunTheWindowHoldsWithItsDropAndSliderChange) {
    SimController ctl;
    ctl.loadScenario(*builtinScenario("normal-close"));
    SequenceScene onScreen(&ctl);
    StateGraphScene graphOnScreen(&ctl);
    ctl.dropNext(Side::A);  // D at step 0: A's FIN will be lost
    ctl.seek(4);
    ChannelParams slower = ctl.sim().channel(Direction::BtoA);
    slower.delay = 150 * kMs;  // the B→A delay slider, moved mid-run
    ctl.setChannel(Direction::BtoA, slower);
    ctl.seek(1'000'000);
    QTemporaryDir dir;
    const QString shown = windowSceneSvgText(&onScreen, &graphOnScreen, dir.filePath(QStringLiteral("window.svg")));
    const QString exported = exportedSvgText(&ctl, true, dir.filePath(QStringLiteral("export.svg")));
    ASSERT_FALSE(shown.isEmpty());
    EXPECT_TRUE(shown.contains(QStringLiteral("retransmission #1"))) << shown.toStdString();
    EXPECT_TRUE(shown.contains(QStringLiteral("from here: profile rfc · delay 50 / 150 ms"))) << shown.toStdString();
    EXPECT_EQ(exported.toStdString(), shown.toStdString());
    // Up to the current step (here the end) is the same run.
    EXPECT_EQ(exportedSvgText(&ctl, false, dir.filePath(QStringLiteral("part.svg"))).toStdString(), shown.toStdString());
    // Copy as image is that run too: the same picture as the window's scene drawn at twice its size.
    QGuiApplication::clipboard()->clear();
    copyDiagramToClipboard(&ctl);
    ExportOptions twice;
    twice.scale = 2;
    EXPECT_EQ(QGuiApplication::clipboard()->image(), paintDiagram(&onScreen, &graphOnScreen, twice).image);
}

// With a capture open, the export draws the capture's segments, not an empty placeholder run.
TEST(ExportFromWindow, WithACaptureOpenTheExportDrawsTheCapture) {
    SimController ctl;
    const auto list = capture::readConnection(FINWAVE_SOURCE_DIR "/tests/data/real-lo.pcap", 1);
    ASSERT_TRUE(list.ok()) << list.error;
    ctl.loadReplay(capture::reconstruct(list.segments), QStringLiteral("real-lo.pcap"), QStringLiteral("closed"));
    SequenceScene onScreen(&ctl);
    StateGraphScene graphOnScreen(&ctl);
    ctl.seek(1'000'000);
    QTemporaryDir dir;
    const QString shown = windowSceneSvgText(&onScreen, &graphOnScreen, dir.filePath(QStringLiteral("window.svg")));
    const QString exported = exportedSvgText(&ctl, true, dir.filePath(QStringLiteral("export.svg")));
    ASSERT_TRUE(shown.contains(QStringLiteral("FIN"))) << shown.toStdString();
    EXPECT_EQ(exported.toStdString(), shown.toStdString());
}
