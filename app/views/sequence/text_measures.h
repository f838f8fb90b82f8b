#pragma once
// Text measured once: making an arrow is mostly measuring its label (Qt shapes the string), and a
// dense run's labels differ only in their numbers ("seq=20472"). The themes' fonts (Noto Sans,
// Noto Sans CJK) give every digit one width, so a text is measured with its digits written as 0
// and the result kept per font: exact for such a font. A font whose digits differ in width is
// measured as written (still kept). GUI-thread caches, one per thread, each bounded.

#include <QFont>
#include <QRectF>
#include <QString>

namespace finwave::app {

// QFontMetricsF(font).boundingRect(QRectF(0, 0, 4000, 4000), Qt::AlignCenter, text).
QRectF measuredBox(const QFont& font, const QString& text);
// QFontMetricsF(font).boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, text).
QRectF measuredWrapped(const QFont& font, double width, const QString& text);
// QFontMetricsF(font).horizontalAdvance(text).
double measuredAdvance(const QFont& font, const QString& text);

}  // namespace finwave::app
