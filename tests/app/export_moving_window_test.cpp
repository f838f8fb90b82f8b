// File → Export… for the run as it moves: the dialog offers GIF, MP4 (only with ffmpeg), the page
// and the handout with their own settings and the animation's length; a long export shows progress
// and its Cancel leaves nothing behind.
#include "app/export/animation_export.h"
#include "app/export/export_choices.h"
#include "app/export/export_dialog.h"
#include "app/window/sim_controller.h"
#include "core/scenario/builtin_scenarios.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QProgressDialog>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>

using namespace finwave;
using namespace finwave::app;

namespace {
QComboBox* formatCombo(QDialog& d) {
    for (QComboBox* c : d.findChildren<QComboBox*>())
        if (c->count() > 3 && c->itemText(1) == QStringLiteral("SVG"))
            return c;
    return nullptr;
}

bool saysLength(QDialog& d, const QString& words) {
    for (QLabel* l : d.findChildren<QLabel*>())
        if (l->text().contains(words))
            return true;
    return false;
}
}  // namespace

TEST(ExportMovingFromWindow, TheDialogOffersTheAnimationsSettingsAndSaysWhenAGifIsTooLong) {
    SimController ctl;
    ctl.loadScenario(*builtinScenario("lost-last-ack"));
    ExportChoicesDialog dialog(nullptr, &ctl);
    QComboBox* format = formatCombo(dialog);
    ASSERT_NE(format, nullptr);
    format->setCurrentIndex(3);  // GIF
    EXPECT_EQ(dialog.extension(), QStringLiteral("gif"));
    EXPECT_EQ(dialog.options().format, ExportFormat::Gif);
    EXPECT_TRUE(saysLength(dialog, QStringLiteral("The animation lasts 15.9 s.")));
    auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    EXPECT_TRUE(ok->isEnabled());
    QDoubleSpinBox* speed = dialog.findChild<QDoubleSpinBox*>();
    ASSERT_NE(speed, nullptr);
    speed->setValue(0.25);  // four times as long: over 30 s
    EXPECT_TRUE(saysLength(dialog, QStringLiteral("A GIF this long is large")));
    EXPECT_FALSE(ok->isEnabled()) << "a GIF over 30 s is not written unless allowed";
    for (QCheckBox* box : dialog.findChildren<QCheckBox*>())
        if (box->text().contains(QStringLiteral("longer than 30 s")))
            box->setChecked(true);
    EXPECT_TRUE(ok->isEnabled());
    format->setCurrentIndex(6);  // the handout
    EXPECT_TRUE(dialog.options().handout);
    EXPECT_EQ(dialog.extension(), QStringLiteral("pdf"));
}

TEST(ExportMovingFromWindow, WithoutFfmpegTheMp4ChoiceIsOff) {
    QTemporaryDir empty;
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", empty.path().toLocal8Bit());
    SimController ctl;
    ctl.loadScenario(*builtinScenario("normal-close"));
    ExportChoicesDialog dialog(nullptr, &ctl);
    qputenv("PATH", path);
    QComboBox* format = formatCombo(dialog);
    ASSERT_NE(format, nullptr);
    const auto* model = qobject_cast<QStandardItemModel*>(format->model());
    ASSERT_NE(model, nullptr);
    EXPECT_FALSE(model->item(4)->isEnabled());
    EXPECT_TRUE(model->item(4)->toolTip().contains(QStringLiteral("apt install ffmpeg")));
    EXPECT_TRUE(model->item(3)->isEnabled());
}

TEST(ExportMovingFromWindow, CancelInTheProgressDialogWritesNothing) {
    SimController ctl;
    ctl.loadScenario(*builtinScenario("lost-last-ack"));
    QTemporaryDir dir;
    const QString gif = dir.filePath(QStringLiteral("run.gif"));
    ExportOptions o;
    o.format = ExportFormat::Gif;
    o.frameSize = QSize(640, 360);
    bool sawProgress = false;
    // The dialog is up from the first frame (no wait); the click comes once it shows progress.
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &poll, [&] {
        auto* progress = qobject_cast<QProgressDialog*>(QApplication::activeModalWidget());
        if (!progress || progress->value() < 3)
            return;
        sawProgress = true;
        poll.stop();
        progress->findChild<QPushButton*>()->click();
    });
    poll.start(5);
    bool cancelled = false;
    const QString error = exportMovingFromWindow(nullptr, &ctl, o, gif, &cancelled, 0);
    EXPECT_TRUE(error.isEmpty()) << error.toStdString();
    EXPECT_TRUE(sawProgress);
    EXPECT_TRUE(cancelled);
    EXPECT_TRUE(QDir(dir.path()).entryList(QDir::Files).isEmpty());
}
