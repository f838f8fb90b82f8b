// English and Simplified Chinese: complete, different from English, switchable live.
#include "app/window/event_log.h"
#include "app/text/language.h"
#include "app/window/main_window.h"
#include "app/text/reason_text.h"
#include "app/window/sim_controller.h"
#include "core/scenario/builtin_scenarios.h"
#include "core/protocol/reason.h"

#include <QCoreApplication>
#include <QFile>
#include <QMenuBar>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

using namespace finwave;
using namespace finwave::app;

namespace {
struct LanguageGuard {
    ~LanguageGuard() { installLanguage(QStringLiteral("en")); }
};
}  // namespace

TEST(Translation, TsFileHasNoUnfinishedObsoleteOrVanishedEntries) {
    QFile ts(QStringLiteral(FINWAVE_SOURCE_DIR "/translations/finwave_zh_CN.ts"));
    ASSERT_TRUE(ts.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&ts);
    int messages = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("message"))
            ++messages;
        if (xml.isStartElement() && xml.name() == QLatin1String("translation")) {
            const auto type = xml.attributes().value(QLatin1String("type"));
            EXPECT_TRUE(type.isEmpty()) << "a translation is " << type.toString().toStdString();
        }
    }
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    EXPECT_GT(messages, 150);
}

TEST(Translation, EveryReasonHasAChineseSentenceDifferentFromTheEnglishOne) {
    LanguageGuard guard;
    installLanguage(QStringLiteral("en"));
    QStringList english;
    for (int i = 0; i < kReasonCount; ++i)
        english << reasonSentence(static_cast<Reason>(i));
    installLanguage(QStringLiteral("zh_CN"));
    for (int i = 0; i < kReasonCount; ++i) {
        const QString zh = reasonSentence(static_cast<Reason>(i));
        EXPECT_FALSE(zh.isEmpty()) << reasonKey(static_cast<Reason>(i));
        EXPECT_NE(zh, english[i]) << reasonKey(static_cast<Reason>(i));
        bool han = false;
        for (QChar c : zh)
            han = han || (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF);
        EXPECT_TRUE(han) << reasonKey(static_cast<Reason>(i));
    }
}

TEST(Translation, SwitchingTheLanguageLiveChangesMenusAndTheLog) {
    LanguageGuard guard;
    installLanguage(QStringLiteral("en"));
    MainWindow window;
    window.openScenario(QStringLiteral("normal-close"));
    window.controller()->seek(3);
    const QString fileEn = window.menuBar()->actions().first()->text();
    const QModelIndex why = window.eventLog()->model()->index(0, EventLogModel::Why);
    const QString rowEn = why.data().toString();
    installLanguage(QStringLiteral("zh_CN"));
    QCoreApplication::processEvents();
    EXPECT_EQ(fileEn, QStringLiteral("&File"));
    EXPECT_EQ(window.menuBar()->actions().first()->text(), QStringLiteral("文件(&F)"));
    EXPECT_NE(why.data().toString(), rowEn);
    EXPECT_EQ(window.eventLog()->model()->headerData(EventLogModel::Why, Qt::Horizontal).toString(),
              QStringLiteral("为什么"));
    installLanguage(QStringLiteral("en"));
    QCoreApplication::processEvents();
    EXPECT_EQ(window.menuBar()->actions().first()->text(), QStringLiteral("&File"));
}

TEST(Translation, EnglishPluralsReadNaturally) {
    LanguageGuard guard;
    installLanguage(QStringLiteral("en"));
    Simulator sim(*builtinScenario("half-close"));
    sim.runToEnd();
    QStringList sends;
    for (const auto& r : sim.trace())
        if (r.kind == EventKind::App && r.reason == Reason::AppSend)
            sends << recordSummary(sim, r);
    ASSERT_FALSE(sends.isEmpty());
    EXPECT_EQ(sends.first(), QStringLiteral("B's application sends 100 bytes"));
}
