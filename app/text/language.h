#pragma once

#include <QString>

namespace finwave::app {

// Installs FinWave's and Qt's own translations for `code` ("en", "zh_CN", or "" for the system
// language), replacing the previous ones; widgets then receive QEvent::LanguageChange.
void installLanguage(const QString& code);
QString currentLanguage();

}  // namespace finwave::app
