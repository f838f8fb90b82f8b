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

// The measure kept under `key`, measured when it is not (the cache starts over when full).
template <typename T, typename Measure>
T kept(QHash<QString, T>& hash, const QString& key, Measure measure) {
    if (const auto it = hash.constFind(key); it != hash.cend())
        return *it;
    if (hash.size() >= kMaxKept)
        hash.clear();
    const T value = measure();
    hash.insert(key, value);
    return value;
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
    return kept(f.boxes, key, [&] { return QFontMetricsF(font).boundingRect(QRectF(0, 0, 4000, 4000), Qt::AlignCenter, key); });
}

QRectF measuredWrapped(const QFont& font, double width, const QString& text) {
    PerFont& f = of(font);
    const QString shape = keyOf(f, text);
    return kept(f.wrapped, shape + QLatin1Char('\x01') + QString::number(width),
                [&] { return QFontMetricsF(font).boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, shape); });
}

double measuredAdvance(const QFont& font, const QString& text) {
    PerFont& f = of(font);
    const QString key = keyOf(f, text);
    return kept(f.advances, key, [&] { return QFontMetricsF(font).horizontalAdvance(key); });
}

}  // namespace finwave::app
