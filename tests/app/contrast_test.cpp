// Every text colour against the background it is written on, in every theme, by WCAG 2's contrast
// ratio: at least 4.5:1 (AA for body text), and 7:1 (AAA) in the high-contrast theme. The Okabe–Ito
// colours A, B, the timers and the cursor are told apart by hue; their shades were darkened until
// they also read as text.
#include "app/views/theme.h"

#include <QColor>
#include <QRegularExpression>
#include <QFile>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using finwave::app::Theme;

namespace {
// WCAG 2.x relative luminance and contrast ratio.
double luminance(const QColor& c) {
    const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}
double contrast(const QColor& a, const QColor& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}
}  // namespace

TEST(Contrast, EveryTextColourOfEveryThemeIsAtLeast4point5ToOneOnItsBackgroundAnd7InHighContrast) {
    for (const Theme& t : {Theme::light(), Theme::projector(), Theme::highContrast(false), Theme::highContrast(true)}) {
        const double least = t.kind == Theme::Kind::HighContrast ? 7.0 : 4.5;  // WCAG AAA, AA
        const std::pair<const char*, QColor> texts[] = {{"foreground", t.foreground}, {"muted", t.muted}, {"A", t.sideA},
                                                        {"B", t.sideB},   {"lost", t.lost},         {"timer", t.timer},
                                                        {"cursor", t.cursor}};
        for (const auto& [name, colour] : texts)
            EXPECT_GE(contrast(colour, t.background), least) << name << ' ' << colour.name().toStdString();
        // State names, timer labels and calls are written on the state bands.
        for (const QColor& band : t.stateBand)
            EXPECT_GE(contrast(t.foreground, band), least) << band.name().toStdString();
        // The A and B badges: a white letter on the side's colour.
        EXPECT_GE(contrast(Qt::white, t.sideA), least);
        EXPECT_GE(contrast(Qt::white, t.sideB), least);
        // The event log's current step row (pale yellow) with the sides' colours in it.
        for (const QColor& side : {t.sideA, t.sideB})
            EXPECT_GE(contrast(side, QColor(255, 243, 196)), least) << side.name().toStdString();
    }
}

// The colours written in the widgets' sources (the inspector's absolute numbers and rules, the
// caption's rule, the quiz's verdict and its answer buttons with white text, the editor's errors)
// are read from the sources, so a lighter one cannot come back unnoticed. They are the same in
// every theme, so they hold high contrast's 7:1 on white.
TEST(Contrast, TheColoursWrittenInTheWidgetsSourcesAreDarkEnoughForHighContrast) {
    const QRegularExpression colour(QStringLiteral(R"((?:color: ?|background: ?|QColor\(QStringLiteral\(")(#[0-9a-fA-F]{3,6}))"));
    for (const char* file : {"app/window/inspector.cpp", "app/window/step_caption_bar.cpp", "app/quiz/quiz_panel.cpp",
                             "app/editor/number_field.cpp", "app/editor/scenario_editor.cpp", "app/editor/editor_lists.cpp"}) {
        QFile f(QStringLiteral(FINWAVE_SOURCE_DIR "/") + QString::fromLatin1(file));
        ASSERT_TRUE(f.open(QIODevice::ReadOnly)) << file;
        const QString text = QString::fromUtf8(f.readAll());
        int seen = 0;
        for (auto m = colour.globalMatch(text); m.hasNext(); ++seen) {
            const QColor c(m.next().captured(1));
            EXPECT_GE(contrast(c, Qt::white), 7.0) << file << ' ' << c.name().toStdString();
        }
        EXPECT_GT(seen, 0) << file;
    }
}
