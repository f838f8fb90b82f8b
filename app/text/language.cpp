#include "app/text/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace finwave::app {

namespace {
QTranslator* appTranslator = nullptr;
QTranslator* qtTranslator = nullptr;
QString current;
}  // namespace

void installLanguage(const QString& code) {
    const QString lang = code.isEmpty() ? QLocale::system().name() : code;
    for (QTranslator** t : {&appTranslator, &qtTranslator}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
    current = code;
    appTranslator = new QTranslator;  // English too: it holds the plural forms ("1 byte", "2 bytes")
    // Every language without a translation of its own (the C locale of a bare shell too) gets
    // the English file, so plurals read "1 byte", "2 bytes" and never "byte(s)".
    const QString file = lang.startsWith(QLatin1String("zh")) ? lang : QStringLiteral("en");
    if (appTranslator->load(QStringLiteral(":/i18n/finwave_%1.qm").arg(file)))
        QCoreApplication::installTranslator(appTranslator);
    if (file == QLatin1String("en"))
        return;  // Qt's own dialogs are English already
    qtTranslator = new QTranslator;
    if (qtTranslator->load(QStringLiteral("qtbase_%1").arg(lang), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
}

QString currentLanguage() { return current; }

}  // namespace finwave::app
