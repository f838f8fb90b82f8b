#pragma once
// The run as one self-contained web page: every step of the sequence diagram as SVG (text stays
// text: searchable, sharp at any zoom), drawn once. Each step is rendered by the scene as an SVG,
// cut into the groups QSvgGenerator writes, and a group that several steps share is kept once with
// the steps it is drawn at (data-s); the page's script shows the groups of the current step. The
// step's sentence, rule and note under it; buttons, keys and a slider; English and Chinese if asked.
// No network, no other file: a Content-Security-Policy of default-src 'none'.

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

namespace finwave::app {

class FrameRenderer;

// Told after each step drawn (done of total); returning false cancels.
using StepProgress = std::function<bool(int done, int total)>;

// The page of `renderer`'s steps, in each of `languages` (the first is shown first). Installs each
// language while it draws and puts back the one installed before. Empty when cancelled.
QByteArray runPage(FrameRenderer& renderer, const QStringList& languages, const StepProgress& progress = {});

}  // namespace finwave::app
