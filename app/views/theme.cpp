#include "app/views/theme.h"

#include "core/protocol/tcp_state.h"

namespace finwave::app {

namespace {
// Soft fills per state, in the order of TcpState; the name is always written beside the band,
// so colour is never the only cue.
void fillBands(Theme& t, bool dark) {
    const char* light[finwave::kTcpStateCount] = {"#d9d9d9", "#cfe3f7", "#fde2b8", "#fde2b8", "#c8ecc8", "#ffd8a8",
                                                  "#ffe9a8", "#d7c8f0", "#f7c6d9", "#e6c3f0", "#f2b8b8"};
    const char* darkFill[finwave::kTcpStateCount] = {"#5a5a5a", "#2f5f8a", "#8a6a2a", "#8a6a2a", "#2e7d32", "#b26a00",
                                                     "#a08000", "#5e3fa0", "#a03060", "#8a3fa0", "#a33a3a"};
    for (int i = 0; i < finwave::kTcpStateCount; ++i)
        t.stateBand[i] = QColor(QString::fromLatin1(dark ? darkFill[i] : light[i]));
}
// Unhinted glyphs at fractional positions: the PNG then sets text exactly as the SVG and PDF
// do, so the three exports (and the window) agree letter by letter.
void unhinted(Theme& t) {
    for (QFont* f : {&t.font, &t.titleFont})
        f->setHintingPreference(QFont::PreferNoHinting);
}
}  // namespace

Theme Theme::light() {
    Theme t;
    t.kind = Kind::Light;
    t.background = QColor(255, 255, 255);
    t.foreground = QColor(25, 25, 25);
    t.grid = QColor(225, 225, 225);
    t.muted = QColor(110, 110, 110);
    t.sideA = QColor(0x00, 0x72, 0xB2);   // Okabe–Ito blue
    t.sideB = QColor(0xB3, 0x50, 0x00);   // Okabe–Ito vermillion, darkened to 5.2:1 on white (text, and white on it)
    t.lost = QColor(0xCC, 0x00, 0x00);
    t.timer = QColor(0x00, 0x7A, 0x5C);   // Okabe–Ito bluish green, darkened to 5.3:1 on white
    t.cursor = QColor(0xA2, 0x3C, 0x78);  // Okabe–Ito reddish purple, darkened to 6.1:1 on white
    fillBands(t, false);
    t.font = QFont(QStringLiteral("Noto Sans"), 10);
    t.titleFont = QFont(QStringLiteral("Noto Sans"), 11, QFont::Bold);
    t.lineWidth = 1.6;
    unhinted(t);
    return t;
}

Theme Theme::projector() {
    Theme t;
    t.kind = Kind::Projector;
    t.large = true;
    t.background = QColor(255, 255, 255);
    t.foreground = QColor(0, 0, 0);
    t.grid = QColor(200, 200, 200);
    t.muted = QColor(60, 60, 60);
    t.sideA = QColor(0x00, 0x5A, 0x9C);
    t.sideB = QColor(0xC0, 0x40, 0x00);
    t.lost = QColor(0xE0, 0x00, 0x00);
    t.timer = QColor(0x00, 0x80, 0x5C);
    t.cursor = QColor(0xB0, 0x00, 0x80);
    fillBands(t, false);
    t.font = QFont(QStringLiteral("Noto Sans"), 16, QFont::DemiBold);
    t.titleFont = QFont(QStringLiteral("Noto Sans"), 18, QFont::Bold);
    t.lineWidth = 3.5;
    unhinted(t);
    return t;
}

Theme Theme::highContrast(bool large) {
    Theme t = large ? projector() : light();
    t.kind = Kind::HighContrast;
    t.foreground = QColor(0, 0, 0);
    t.grid = QColor(150, 150, 150);       // lines, not text: 3:1 would do, this is darker
    t.muted = QColor(0x40, 0x40, 0x40);   // 10.4:1 on white
    t.sideA = QColor(0x00, 0x46, 0x7A);   // the Okabe–Ito hues, darkened to 9.7:1 ...
    t.sideB = QColor(0x86, 0x38, 0x00);   // ... 8.1:1
    t.lost = QColor(0x9A, 0x00, 0x00);    // 8.9:1
    t.timer = QColor(0x00, 0x57, 0x3F);   // 8.6:1
    t.cursor = QColor(0x7A, 0x1F, 0x5C);  // 9.6:1
    t.lineWidth = large ? 4.0 : 2.4;
    return t;
}

Theme Theme::byName(const QString& name) {
    if (name == QLatin1String("high-contrast"))
        return highContrast();
    return name == QLatin1String("projector") ? projector() : light();
}

QString Theme::name(Kind kind) {
    switch (kind) {
    case Kind::Projector: return QStringLiteral("projector");
    case Kind::HighContrast: return QStringLiteral("high-contrast");
    case Kind::Light: break;
    }
    return QStringLiteral("light");
}

}  // namespace finwave::app
