#include "app/window/user_guide.h"

#include "app/text/language.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace finwave::app {

QString userGuideIndex(const QString& language) {
    return language.startsWith(QLatin1String("zh")) ? QStringLiteral("qrc:/guide/zh_CN/index.html")
                                                    : QStringLiteral("qrc:/guide/en/index.html");
}

void showUserGuide(QWidget* parent) {
    static const char* const kName = "userGuide";
    if (auto* open = parent->findChild<QDialog*>(QLatin1String(kName))) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto* dialog = new QDialog(parent);
    dialog->setObjectName(QLatin1String(kName));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(QCoreApplication::translate("UserGuide", "FinWave user guide"));
    auto* layout = new QVBoxLayout(dialog);
    auto* browser = new QTextBrowser(dialog);
    browser->setObjectName(QStringLiteral("guidePages"));
    browser->setOpenLinks(true);
    browser->setSource(QUrl(userGuideIndex(currentLanguage())));
    layout->addWidget(browser);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QPushButton* back = buttons->addButton(QCoreApplication::translate("UserGuide", "Back"), QDialogButtonBox::ActionRole);
    QPushButton* home = buttons->addButton(QCoreApplication::translate("UserGuide", "Contents"), QDialogButtonBox::ActionRole);
    QObject::connect(back, &QPushButton::clicked, browser, &QTextBrowser::backward);
    QObject::connect(browser, &QTextBrowser::backwardAvailable, back, &QPushButton::setEnabled);
    back->setEnabled(false);
    QObject::connect(home, &QPushButton::clicked, browser, &QTextBrowser::home);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    layout->addWidget(buttons);
    // A readable page on any screen: about 90 characters wide, at most nine tenths of the window.
    const QFontMetrics fm(browser->font());
    dialog->resize(std::min(fm.averageCharWidth() * 90, parent->width() * 9 / 10), std::min(fm.height() * 36, parent->height() * 9 / 10));
    dialog->show();
}

}  // namespace finwave::app
