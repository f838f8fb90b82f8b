#include "app/views/sequence/text_measures.h"

#include <QFontMetricsF>
#include <QHash>

namespace finwave::app {

namespace {
constexpr qsizetype kMaxKept = 8192;  // texts kept per font before the cache starts over

struct PerFont {
    bool sameDigits = false;
    QHash<QString, QRectF> boxes, wrapped;
    QHash<QString, double> advances;
};

PerFont& of(const QFont& font) {
    thread_local QHash<QString, PerFont> fonts;
    // The last font asked for, compared whole: QFont::key() builds a string each time.
    thread_local QFont lastFont;
    thread_local PerFont* last = nullptr;
    if (last && font == lastFont)
        return *last;
    const QString key = font.key();
    auto it = fonts.find(key);
    if (it == fonts.end()) {
        PerFont f;
        const QFontMetricsF fm(font);
        const double zero = fm.horizontalAdvance(QLatin1Char('0'));
        f.sameDigits = true;
        for (char d = '1'; d <= '9'; ++d)
            f.sameDigits = f.sameDigits && fm.horizontalAdvance(QLatin1Char(d)) == zero;
        it = fonts.insert(key, std::move(f));
    }
    lastFont = font;
    last = &*it;  // QHash keeps a value where it is until the hash itself changes
    return *it;
}

QString keyOf(const PerFont& f, const QString& text) {
    if (!f.sameDigits)
        return text;
    QString key = text;
    for (QChar& c : key)
        if (c >= QLatin1Char('1') && c <= QLatin1Char('9'))
            c = QLatin1Char('0');
    return key;
}
}  // namespace

QRectF measuredBox(const QFont& font, const QString& text) {
    PerFont& f = of(font);
    const QString key = keyOf(f, text);
    if (const auto it = f.boxes.constFind(key); it != f.boxes.cend())
        return *it;
    if (f.boxes.size() >= kMaxKept)
        f.boxes.clear();
    const QRectF box = QFontMetricsF(font).boundingRect(QRectF(0, 0, 4000, 4000), Qt::AlignCenter, key);
    f.boxes.insert(key, box);
    return box;
}

QRectF measuredWrapped(const QFont& font, double width, const QString& text) {
    PerFont& f = of(font);
    const QString key = keyOf(f, text) + QLatin1Char('\x01') + QString::number(width);
    if (const auto it = f.wrapped.constFind(key); it != f.wrapped.cend())
        return *it;
    if (f.wrapped.size() >= kMaxKept)
        f.wrapped.clear();
    const QRectF box = QFontMetricsF(font).boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, keyOf(f, text));
    f.wrapped.insert(key, box);
    return box;
}

double measuredAdvance(const QFont& font, const QString& text) {
    PerFont& f = of(font);
    const QString key = keyOf(f, text);
    if (const auto it = f.advances.constFind(key); it != f.advances.cend())
        return *it;
    if (f.advances.size() >= kMaxKept)
        f.advances.clear();
    const double w = QFontMetricsF(font).horizontalAdvance(key);
    f.advances.insert(key, w);
    return w;
}

}  // namespace finwave::app
