// Every failure of an export: nothing written, an existing file kept, budgets checked first.
#include "app/export/diagram_exporter.h"
#include "support/export_views.h"

#include <QFile>
#include <QImage>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cmath>

#include <sys/wait.h>
#include <unistd.h>

using namespace finwave;
using namespace finwave::app;
using finwave::testing::BulkViews;
using finwave::testing::Views;
using finwave::testing::readFile;

TEST(Export, FailuresWriteNothingAndKeepAnExistingFile) {
    QTemporaryDir dir;
    Views v("normal-close");
    ExportOptions o;
    const QString missing = dir.filePath(QStringLiteral("no/such/folder/x.png"));
    const QString error = exportDiagram(&v.seq, &v.states, o, missing);
    EXPECT_TRUE(error.contains(missing)) << error.toStdString();
    EXPECT_FALSE(QFile::exists(missing));
    ExportFormat f;
    EXPECT_FALSE(formatFromPath(QStringLiteral("x.bmp"), f));
    // A target that is a folder: refused, the folder untouched.
    const QString folder = dir.filePath(QStringLiteral("taken.png"));
    ASSERT_TRUE(QDir().mkdir(folder));
    EXPECT_FALSE(exportDiagram(&v.seq, &v.states, o, folder).isEmpty());
    EXPECT_TRUE(QFileInfo(folder).isDir());
    // A read-only folder: the old file stays byte for byte. Root may write anywhere, so under
    // root the write is made by a child process that has become nobody first.
    const QString locked = dir.filePath(QStringLiteral("locked"));
    ASSERT_TRUE(QDir().mkdir(locked));
    const QString target = locked + QStringLiteral("/old.png");
    {
        QFile old(target);
        ASSERT_TRUE(old.open(QIODevice::WriteOnly));
        old.write("old bytes");
    }
    const QFileDevice::Permissions readable = QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup |
                                              QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther;
    QFile::setPermissions(dir.path(), readable | QFile::WriteOwner);
    QFile::setPermissions(locked, readable);
    bool failed = false;
    if (geteuid() != 0) {
        failed = !exportDiagram(&v.seq, &v.states, o, target).isEmpty();
    } else {
        const PaintedDiagram painted = paintDiagram(&v.seq, &v.states, o);
        const pid_t child = fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            const bool dropped = setgid(65534) == 0 && setuid(65534) == 0;
            _exit(!dropped ? 4 : writeDiagram(painted, target).isEmpty() ? 0 : 3);
        }
        int status = 0;
        ASSERT_EQ(waitpid(child, &status, 0), child);
        ASSERT_TRUE(WIFEXITED(status));
        ASSERT_NE(WEXITSTATUS(status), 4) << "could not become nobody";
        failed = WEXITSTATUS(status) == 3;
    }
    QFile::setPermissions(locked, readable | QFile::WriteOwner);
    EXPECT_TRUE(failed);
    EXPECT_EQ(readFile(target), QByteArray("old bytes"));
}

TEST(Export, APngTooLargeToHoldIsRefusedWithItsSize) {
    BulkViews v(20000);
    QTemporaryDir dir;
    ExportOptions o;
    o.scale = 4;  // one column of 20 000 segments at 4×: millions of pixels tall
    const QString path = dir.filePath(QStringLiteral("huge.png"));
    const QString error = exportDiagram(&v.seq, &v.states, o, path);
    EXPECT_TRUE(error.contains(QStringLiteral("too large"))) << error.toStdString();
    EXPECT_TRUE(error.contains(path));
    EXPECT_FALSE(QFile::exists(path));
    o.fit = kFit4K;  // what the message suggests works
    EXPECT_EQ(exportDiagram(&v.seq, &v.states, o, path), QString());
    EXPECT_EQ(QImage(path).size(), QSize(3840, 2160));
}

TEST(Export, APngOverThePixelBudgetIsRefusedBeforeAnyImageIsMade) {
    // A 102-segment run at 4x was a 4584 x 147 629 PNG (2.8 GB): QImage's allocation succeeded.
    // The diagram is narrower now, so a longer run makes the same point.
    BulkViews v(160);
    ExportOptions o;
    o.scale = 4;
    const PaintedDiagram painted = paintDiagram(&v.seq, &v.states, o);
    EXPECT_TRUE(painted.image.isNull());
    EXPECT_GT(static_cast<qint64>(painted.pixels.width()) * painted.pixels.height(), kMaxPngPixels);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.png"));
    const QString error = writeDiagram(painted, path);
    EXPECT_TRUE(error.contains(QStringLiteral("too large"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QString::number(kMaxPngPixels))) << error.toStdString();
    EXPECT_FALSE(QFile::exists(path));
    o.scale = 1;  // the same run at 1x is within the budget
    EXPECT_FALSE(paintDiagram(&v.seq, &v.states, o).image.isNull());
}

TEST(Export, ANanScaleDrawsAtOneNotAtMinusTwoBillion) {
    Views v("normal-close");
    ExportOptions o;
    o.scale = std::nan("");
    const PaintedDiagram nan = paintDiagram(&v.seq, &v.states, o);
    o.scale = 1;
    EXPECT_EQ(nan.pixels, paintDiagram(&v.seq, &v.states, o).pixels);
    EXPECT_FALSE(nan.image.isNull());
}

// The SVG looks like the PNG (and so like the screen): rendered by Qt SVG at the PNG's size,
// the two differ little once small text differences are averaged out in 8×8 blocks.
