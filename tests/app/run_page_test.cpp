// The run as one web page (issue 31), opened in Debian's headless Chromium: no console error, no
// network request, the step key advances the step's text and End brings the last row into view;
// its SVG keeps the labels as text; it is drawn from the run the window holds (a drop and a note
// the user made are in it).
#include "app/export/animation_export.h"
#include "app/window/sim_controller.h"
#include "core/scenario/builtin_scenarios.h"
#include "support/finwave_process.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace finwave;
using namespace finwave::app;
using finwave::testing::fileBytes;
using finwave::testing::runFinwave;

namespace {

struct Browsed {
    QString dom, log;
    QByteArray netLog;
};

// The page loaded with #selftest (it presses the step key itself and writes what it saw into
// <body data-selftest>), its DOM dumped; the browser's console log and network log kept.
Browsed browse(const QString& page, const QTemporaryDir& dir) {
    QProcess chromium;
    const QString netLog = dir.filePath(QStringLiteral("net.json"));
    chromium.start(QStringLiteral("chromium"),
                   {QStringLiteral("--headless"), QStringLiteral("--no-sandbox"), QStringLiteral("--disable-gpu"), QStringLiteral("--window-size=1280,720"),
                    QStringLiteral("--no-first-run"), QStringLiteral("--disable-background-networking"),
                    QStringLiteral("--disable-component-update"), QStringLiteral("--disable-sync"), QStringLiteral("--user-data-dir=") + dir.filePath(QStringLiteral("profile")),
                    QStringLiteral("--enable-logging=stderr"), QStringLiteral("--v=0"), QStringLiteral("--log-net-log=") + netLog,
                    QStringLiteral("--dump-dom"), QStringLiteral("file://") + page + QStringLiteral("#selftest")});
    if (!chromium.waitForFinished(120000)) {
        chromium.kill();
        chromium.waitForFinished();
        return {};
    }
    return {QString::fromUtf8(chromium.readAllStandardOutput()), QString::fromUtf8(chromium.readAllStandardError()), fileBytes(netLog)};
}

// The URLs requested on behalf of a page loaded from a file (network isolation key "file://").
QStringList pageRequests(const QByteArray& netLog) {
    QStringList urls;
    const QJsonArray events = QJsonDocument::fromJson(netLog).object().value(QStringLiteral("events")).toArray();
    for (const QJsonValue& e : events) {
        const QJsonObject params = e.toObject().value(QStringLiteral("params")).toObject();
        const QString url = params.value(QStringLiteral("url")).toString();
        if (!url.isEmpty() && params.value(QStringLiteral("network_isolation_key")).toString().contains(QStringLiteral("file://")))
            urls << url;
    }
    urls.removeDuplicates();
    return urls;
}

QJsonObject selfTest(const QString& dom) {
    const auto m = QRegularExpression(QStringLiteral("data-selftest=\"([^\"]*)\"")).match(dom);
    QString json = m.captured(1);
    json.replace(QStringLiteral("&quot;"), QStringLiteral("\"")).replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return QJsonDocument::fromJson(json.toUtf8()).object();
}
}  // namespace

TEST(RunPage, OpensInHeadlessChromiumWithNoErrorNoRequestAndTheStepKeyAdvances) {
    ASSERT_FALSE(QStandardPaths::findExecutable(QStringLiteral("chromium")).isEmpty()) << "scripts/common.sh installs chromium";
    QTemporaryDir dir;
    const QString page = dir.filePath(QStringLiteral("run.html"));
    const auto r = runFinwave({QStringLiteral("export"), QStringLiteral("--scenario"), QStringLiteral("lost-last-ack"),
                               QStringLiteral("--output"), page});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const Browsed b = browse(page, dir);
    const QJsonObject t = selfTest(b.dom);
    ASSERT_FALSE(t.isEmpty()) << "the page's script did not run: " << b.log.toStdString();
    EXPECT_EQ(t.value(QStringLiteral("before")).toString(), QStringLiteral("The last ACK is lost"));
    EXPECT_TRUE(t.value(QStringLiteral("after")).toString().startsWith(QStringLiteral("Step 1 ·"))) << t.value(QStringLiteral("after")).toString().toStdString();
    EXPECT_TRUE(t.value(QStringLiteral("advanced")).toBool());
    EXPECT_GT(t.value(QStringLiteral("shown")).toInt(), 5) << "the diagram's parts of step 1 are shown";
    // The run is taller than a 1280x720 window: End scrolls its last row into view, under the bar.
    EXPECT_TRUE(t.value(QStringLiteral("lastRowBelowTheFold")).toBool()) << "a run that needs following";
    EXPECT_TRUE(t.value(QStringLiteral("lastRowInView")).toBool());
    EXPECT_EQ(t.value(QStringLiteral("resources")).toInt(), 0) << "the page loaded nothing";
    // The console: Chromium logs every console message and page error as "INFO:CONSOLE:line]".
    EXPECT_FALSE(b.log.contains(QStringLiteral(":CONSOLE"))) << b.log.toStdString();
    // The network log: the page's own requests are those made for its site, file:// (the
    // browser's own, to its update and account services, are keyed "null" or to Google).
    ASSERT_FALSE(b.netLog.isEmpty());
    EXPECT_EQ(pageRequests(b.netLog), QStringList{});
}

TEST(RunPage, ItsSvgKeepsTheRunsLabelsAsText) {
    QTemporaryDir dir;
    const QString page = dir.filePath(QStringLiteral("run.html"));
    const auto r = runFinwave({QStringLiteral("export"), QStringLiteral("--scenario"), QStringLiteral("lost-last-ack"),
                               QStringLiteral("--output"), page, QStringLiteral("--both-languages")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QString html = QString::fromUtf8(fileBytes(page));
    const qsizetype svg = html.indexOf(QStringLiteral("<svg")), end = html.indexOf(QStringLiteral("</svg>"));
    ASSERT_GT(end, svg);
    const QString drawing = html.mid(svg, end - svg);
    for (const char* label : {"FIN, ACK seq=1 ack=1", "ACK seq=2 ack=2", "(retransmission #1)", "TIME_WAIT", "LAST_ACK", "CLOSED"})
        EXPECT_TRUE(drawing.contains(QRegularExpression(QStringLiteral(">[^<]*") + QRegularExpression::escape(QString::fromLatin1(label)))))
            << label << " is not text of the SVG";
    EXPECT_TRUE(drawing.contains(QStringLiteral("data-l=\"zh_CN\""))) << "a part drawn in Chinese only";
    EXPECT_TRUE(html.contains(QStringLiteral("\"zh_CN\":[{"))) << "the steps' sentences in Chinese";
    EXPECT_FALSE(html.contains(QStringLiteral("src=")));  // nothing from another file
}

TEST(RunPage, IsDrawnFromTheRunTheWindowHoldsWithItsDropAndNote) {
    SimController window;
    window.loadScenario(*builtinScenario("normal-close"));
    window.stepForward();  // A's FIN leaves
    window.setAnnotation(1, QStringLiteral("Watch the FIN go"));
    ASSERT_NE(window.dropNext(Side::A), 0u);  // the teacher drops it in flight
    QTemporaryDir dir;
    const QString page = dir.filePath(QStringLiteral("run.html"));
    ExportOptions o;
    o.format = ExportFormat::Html;
    o.language = QStringLiteral("en");
    ASSERT_TRUE(exportMoving(window, o, page).isEmpty());
    const QString html = QString::fromUtf8(fileBytes(page));
    EXPECT_TRUE(html.contains(QStringLiteral("Watch the FIN go")));
    EXPECT_TRUE(html.contains(QStringLiteral("is lost on the way"))) << "the drop the user made";
}
