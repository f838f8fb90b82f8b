#pragma once

#include <QColor>
#include <QFont>

namespace finwave::app {

// Scene units are pixels of a screen at this density while fonts are in points; vector exports
// (SVG, PDF) are made at it so text keeps its size against the drawing.
inline constexpr int kScreenDpi = 96;

// One palette for every view and every export. Colour-blind-safe (Okabe–Ito) side colours.
struct Theme {
    enum class Kind { Light, Projector, HighContrast };
    Kind kind = Kind::Light;
    bool large = false;          // the projector's sizes (projector, or high contrast in the presenter layout)
    QColor background, foreground, grid, muted;
    QColor sideA, sideB;         // A and B, used for lifelines, state marks and lit edges
    QColor lost;                 // the cross where a segment died
    QColor timer;                // timer brackets
    QColor cursor;               // current-time cursor
    QColor stateBand[11];        // band fill per TcpState
    QFont font;                  // labels
    QFont titleFont;             // state names, headings
    qreal lineWidth = 1.5;       // arrows and lifelines

    static Theme light();
    static Theme projector();    // larger type, thicker lines, high contrast
    // Every text at least 7:1 on its background (WCAG AAA), thicker lines and a darker grid; at the
    // light theme's sizes and fonts (so every layout holds as tested), or the projector's when `large`.
    static Theme highContrast(bool large = false);
    // "light" | "projector" | "high-contrast"; light otherwise
    static Theme byName(const QString& name);
    static QString name(Kind kind);  // the inverse of byName
};

}  // namespace finwave::app
