// Help → User guide: a page per task in English and Chinese, every link on the contents page
// leading to a page that opens with its title, and the menu entry opening it in the window's
// language.
#include "app/text/language.h"
#include "app/window/main_window.h"
#include "app/window/user_guide.h"

#include <QAction>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTextBrowser>

#include <gtest/gtest.h>

using namespace finwave::app;

namespace {
QStringList linksOf(const QString& qrcPath) {
    QFile f(qrcPath);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << qrcPath.toStdString();
    QStringList out;
    const QRegularExpression href(QStringLiteral("href=\"([^\"]+)\""));
    for (auto m = href.globalMatch(QString::fromUtf8(f.readAll())); m.hasNext();)
        out << m.next().captured(1);
    return out;
}
}  // namespace

TEST(UserGuide, EveryTaskHasAPageInBothLanguagesAndEveryLinkOpensOne) {
    const QStringList en = QDir(QStringLiteral(":/guide/en")).entryList(QDir::Files);
    const QStringList zh = QDir(QStringLiteral(":/guide/zh_CN")).entryList(QDir::Files);
    EXPECT_EQ(en, zh) << "each page in both languages";
    for (const QString& task : {QStringLiteral("step"), QStringLiteral("drop"), QStringLiteral("scenario"), QStringLiteral("lesson"),
                                QStringLiteral("quiz"), QStringLiteral("capture"), QStringLiteral("export"), QStringLiteral("lab")})
        EXPECT_TRUE(en.contains(task + QStringLiteral(".html"))) << task.toStdString();
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        const QString index = userGuideIndex(language);
        const QStringList links = linksOf(QStringLiteral(":/guide/%1/index.html").arg(language));
        EXPECT_EQ(links.size(), 8) << language.toStdString();
        for (const QString& link : links) {
            QTextBrowser browser;
            browser.setSource(QUrl(index));
            browser.setSource(QUrl(index).resolved(QUrl(link)));
            const QString title = browser.documentTitle();
            EXPECT_FALSE(title.isEmpty()) << language.toStdString() << ' ' << link.toStdString();
            EXPECT_TRUE(browser.toPlainText().contains(title)) << link.toStdString();
            // Each page leads back to the contents.
            EXPECT_TRUE(linksOf(QStringLiteral(":/guide/%1/%2").arg(language, link)).contains(QStringLiteral("index.html")));
        }
    }
    EXPECT_EQ(userGuideIndex(QStringLiteral("zh_CN")), QStringLiteral("qrc:/guide/zh_CN/index.html"));
    EXPECT_EQ(userGuideIndex(QStringLiteral("fr")), QStringLiteral("qrc:/guide/en/index.html"));
}

TEST(UserGuide, HelpUserGuideOpensTheGuideInTheWindowsLanguage) {
    installLanguage(QStringLiteral("zh_CN"));
    MainWindow w;
    QAction* guide = nullptr;
    for (QAction* menu : w.menuBar()->actions())
        if (menu->menu())
            for (QAction* a : menu->menu()->actions())
                if (a->text() == QStringLiteral("用户指南(&U)"))
                    guide = a;
    ASSERT_NE(guide, nullptr) << "Help → User guide, translated";
    guide->trigger();
    auto* dialog = w.findChild<QDialog*>(QStringLiteral("userGuide"));
    ASSERT_NE(dialog, nullptr);
    auto* pages = dialog->findChild<QTextBrowser*>(QStringLiteral("guidePages"));
    ASSERT_NE(pages, nullptr);
    EXPECT_EQ(pages->documentTitle(), QStringLiteral("FinWave 用户指南"));
    guide->trigger();  // again: the same window, raised
    EXPECT_EQ(w.findChildren<QDialog*>(QStringLiteral("userGuide")).size(), 1);
    installLanguage(QStringLiteral("en"));
}
