// The window's text for a rejected scenario: the same words as the command line in English, and
// Chinese when the language is zh_CN, with the field and values kept.
#include "app/text/language.h"
#include "app/window/main_window.h"
#include "app/text/scenario_error_text.h"
#include "core/scenario/scenario_io.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace finwave;
using namespace finwave::app;

namespace {
struct LanguageGuard {
    ~LanguageGuard() { installLanguage(QStringLiteral("en")); }
};

const char* const kBadScenarios[] = {
    R"({"version": 1, "colour": "red"})",
    R"({"version": 1, "seed": "abc"})",
    R"({"version": 1, "profile": "bsd"})",
    R"({"version": 3})",
    R"({"name": "x"})",
    R"({"version": 1, "actions": [{"do": "close"}]})",
    R"({"version": 1, "actions": [{"side": "A"}]})",
    R"({"version": 1, "actions": {}})",
    R"({"version": 1, "faults": [{"kind": "drop-nth", "flags": ["XYZ"]}]})",
    R"({"version": 1, "faults": [{"kind": "drop-nth", "flags": "FIN"}]})",
    R"({"version": 1, "params": {"delayed_ack_ms": 800}})",
    R"({"version": 1, "params": {"rto_min_ms": 900, "rto_max_ms": 800}})",
    R"({"version": 1, "a": {"linger_zero": 1}})",
    R"({"version": 1, "title": 3})",
    R"({"version": 1, "channel": []})",
    R"({"version": 1, "seed": 1, "seed": 2})",
    R"({"version": 1, "params": {"mss": 1}, "actions": [{"side": "A", "do": "send", "bytes": 60000}]})",
    R"({"version": 1, "actions": [{"side": "B", "do": "send", "bytes": 20000000}]})",
    R"({"version": 1, "seed": NaN})",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
};
}  // namespace

TEST(ScenarioErrorText, InEnglishTheWindowSaysWhatTheCommandLineSays) {
    LanguageGuard guard;
    installLanguage(QStringLiteral("en"));
    for (const char* text : kBadScenarios) {
        const ScenarioResult r = parseScenario(text, "bad.json");
        ASSERT_FALSE(r) << text;
        ASSERT_NE(r.error.code, ScenarioErrorCode::None) << text;
        EXPECT_EQ(scenarioErrorText(r.error).toStdString(), r.error.oneLine()) << text;
    }
}

TEST(ScenarioErrorText, InChineseEveryCodeIsTranslatedAndKeepsItsField) {
    LanguageGuard guard;
    installLanguage(QStringLiteral("zh_CN"));
    for (const char* text : kBadScenarios) {
        const ScenarioResult r = parseScenario(text, "bad.json");
        ASSERT_FALSE(r) << text;
        const QString zh = scenarioErrorText(r.error);
        EXPECT_NE(zh.toStdString(), r.error.oneLine()) << text;
        EXPECT_TRUE(zh.startsWith(QStringLiteral("bad.json"))) << zh.toStdString();
        if (!r.error.field.empty()) {
            EXPECT_TRUE(zh.contains(QString::fromStdString(r.error.field))) << zh.toStdString();
        }
        bool han = false;
        for (QChar c : zh)
            han = han || (c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff);
        EXPECT_TRUE(han) << zh.toStdString();
    }
}

TEST(ScenarioErrorText, TheWindowExplainsARefusedFileInChinese) {
    LanguageGuard guard;
    installLanguage(QStringLiteral("zh_CN"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("giga.json"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(R"({"version": 1, "params": {"mss": 1}, "actions": [{"side": "A", "do": "send", "bytes": 1000000000}]})");
    f.close();
    MainWindow window;
    QString error;
    EXPECT_FALSE(window.openScenario(path, &error, true));
    EXPECT_TRUE(error.contains(QStringLiteral("actions[0].bytes"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("每个端点的上限为 10000000"))) << error.toStdString();
}
