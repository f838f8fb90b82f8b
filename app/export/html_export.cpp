#include "app/export/html_export.h"

#include "app/export/frame_renderer.h"
#include "app/text/language.h"
#include "app/text/step_text.h"
#include "app/views/sequence/sequence_scene.h"
#include "app/window/sim_controller.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QRegularExpression>
#include <QSvgGenerator>

#include <algorithm>
#include <unordered_map>
#include <vector>

namespace finwave::app {

namespace {
// The groups of one SVG as QSvgGenerator (Qt 6.4) writes it: one outer group holding, side by
// side, a group per change of the painter's state with the shapes and texts drawn in it. Empty
// groups (a state set and nothing drawn) are left out.
std::vector<QByteArray> groupsOf(const QByteArray& svg) {
    std::vector<QByteArray> out;
    const qsizetype outer = svg.indexOf("<g ");
    qsizetype at = svg.indexOf("<g ", outer + 3);
    while (at >= 0) {
        const qsizetype end = svg.indexOf("</g>", at);
        if (end < 0)
            break;
        const QByteArray group = svg.mid(at, end + 4 - at);
        const qsizetype open = group.indexOf('>');
        if (!group.mid(open + 1, group.size() - 4 - open - 1).trimmed().isEmpty())
            out.push_back(group);
        at = svg.indexOf("<g ", end);
    }
    return out;
}

// The scene as it stands, drawn into an SVG of `area` (the last step's whole diagram), so a part
// drawn the same at two steps is the same text.
QByteArray sceneSvg(SequenceScene& scene, const QRectF& area) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setResolution(96);
    svg.setSize(area.size().toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), area.size()));
    QPainter p(&svg);
    scene.renderContent(&p, QRectF(QPointF(0, 0), area.size()), area);
    p.end();
    return bytes;
}

// Every distinct group once, in an order that keeps each step's drawing order: a group not seen
// before goes right after the last group of its step already placed (a greedy merge of the
// steps' lists, which share most of their order).
struct Parts {
    std::vector<QByteArray> groups;                     // in drawing order
    std::vector<std::vector<std::vector<int>>> shown;   // [group][language]: the step indexes
    std::unordered_map<std::string, std::size_t> index;  // group text -> its place in `groups`
    int languages = 1;

    void addStep(const std::vector<QByteArray>& step, int language, int stepIndex) {
        std::size_t pos = 0;  // where the next new group goes
        for (const QByteArray& g : step) {
            const auto [it, isNew] = index.try_emplace(g.toStdString(), pos);
            if (isNew) {
                groups.insert(groups.begin() + static_cast<std::ptrdiff_t>(pos), g);
                shown.insert(shown.begin() + static_cast<std::ptrdiff_t>(pos), std::vector<std::vector<int>>(static_cast<std::size_t>(languages)));
                for (auto& [text, place] : index)  // the groups after it moved one on
                    if (place >= pos && text != it->first)
                        ++place;
            }
            const std::size_t place = it->second;
            auto& steps = shown[place][static_cast<std::size_t>(language)];
            if (steps.empty() || steps.back() != stepIndex)  // a group drawn twice in one step is kept once
                steps.push_back(stepIndex);
            pos = std::max(pos, place + 1);
        }
    }
};

// "0-3,5": the step indexes as ranges.
QByteArray ranges(const std::vector<int>& steps) {
    QByteArray out;
    for (std::size_t i = 0; i < steps.size();) {
        std::size_t j = i;
        while (j + 1 < steps.size() && steps[j + 1] == steps[j] + 1)
            ++j;
        out += (out.isEmpty() ? "" : ",") + QByteArray::number(steps[i]) + (j > i ? "-" + QByteArray::number(steps[j]) : QByteArray());
        i = j + 1;
    }
    return out;
}

QJsonObject uiText() {
    return {{QStringLiteral("where"), QCoreApplication::translate("RunPage", "Step %1 of %2")},
            {QStringLiteral("first"), QCoreApplication::translate("RunPage", "First step")},
            {QStringLiteral("back"), QCoreApplication::translate("RunPage", "Step back")},
            {QStringLiteral("play"), QCoreApplication::translate("RunPage", "Play or pause")},
            {QStringLiteral("step"), QCoreApplication::translate("RunPage", "Step")},
            {QStringLiteral("other"), currentLanguage() == QLatin1String("zh_CN") ? QStringLiteral("English") : QStringLiteral("简体中文")}};
}

QJsonObject stepText(const SimController& ctl) {
    const StepCaptionText c = stepCaption(ctl.sim(), ctl.teardownText(), ctl.timesHidden());
    QJsonObject o{{QStringLiteral("headline"), c.headline}, {QStringLiteral("sentence"), c.sentence}, {QStringLiteral("rule"), c.rule}};
    if (const std::string* note = ctl.sim().annotation(ctl.sim().stepIndex()))
        o.insert(QStringLiteral("note"), QString::fromStdString(*note));
    return o;
}

QByteArray svgElement(const Parts& parts, const QStringList& languages, const QRectF& area) {
    QByteArray svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + QByteArray::number(area.width()) + ' ' +
                     QByteArray::number(area.height()) + "\">\n<g fill=\"none\" stroke=\"black\" stroke-width=\"1\" fill-rule=\"evenodd\" "
                     "stroke-linecap=\"square\" stroke-linejoin=\"bevel\">\n";
    for (std::size_t i = 0; i < parts.groups.size(); ++i) {
        const auto& byLanguage = parts.shown[i];
        // A group drawn in every language at the same steps is kept once; else once per language.
        const bool shared = std::all_of(byLanguage.begin(), byLanguage.end(), [&](const auto& s) { return s == byLanguage[0]; });
        for (int l = 0; l < languages.size(); ++l) {
            const auto& steps = byLanguage[static_cast<std::size_t>(l)];
            if (steps.empty() || (shared && l > 0))
                continue;
            QByteArray attrs = " data-s=\"" + ranges(steps) + '"';
            if (!shared)
                attrs += " data-l=\"" + languages[l].toUtf8() + '"';
            svg += "<g" + attrs + parts.groups[i].mid(2) + '\n';
        }
    }
    return svg + "</g>\n</svg>";
}
}  // namespace

QByteArray runPage(FrameRenderer& r, const QStringList& languages, const StepProgress& progress) {
    const QString before = currentLanguage();
    const quint64 from = r.fromStep(), to = r.toStep();
    r.seek(to);
    const QRectF area = r.sequence().contentRect();  // the last step's: every step drawn into it
    Parts parts;
    parts.languages = static_cast<int>(languages.size());
    QJsonObject text, titles, ui;
    QJsonArray rows;  // each step's row in the SVG, which the page keeps in view
    const int total = static_cast<int>((to - from + 1) * static_cast<quint64>(languages.size()));
    int done = 0;
    for (int l = 0; l < languages.size(); ++l) {
        if (languages[l] != currentLanguage())
            installLanguage(languages[l]);  // the scenes rebuild their labels in it
        QJsonArray steps;
        for (quint64 s = from; s <= to; ++s) {
            r.seek(s);
            parts.addStep(groupsOf(sceneSvg(r.sequence(), area)), l, static_cast<int>(s - from));
            steps.append(stepText(r.controller()));
            if (l == 0)
                rows.append(qRound((r.sequence().cursorY() - area.top()) * 10) / 10.0);
            if (s == from)
                titles.insert(languages[l], stepCaption(r.controller().sim()).headline);
            if (progress && !progress(++done, total)) {
                installLanguage(before);
                return {};
            }
        }
        text.insert(languages[l], steps);
        ui.insert(languages[l], uiText());
    }
    if (currentLanguage() != before)
        installLanguage(before);
    QJsonArray stepNumbers;
    for (quint64 s = from; s <= to; ++s)
        stepNumbers.append(static_cast<qint64>(s));
    const QJsonObject data{{QStringLiteral("lang"), languages.first()}, {QStringLiteral("title"), titles},
                           {QStringLiteral("steps"), stepNumbers}, {QStringLiteral("text"), text}, {QStringLiteral("ui"), ui},
                           {QStringLiteral("rows"), rows}, {QStringLiteral("height"), area.height()}};
    QFile page(QStringLiteral(":/export/run_page.html"));
    page.open(QIODevice::ReadOnly);
    QByteArray html = page.readAll();
    // Inside <script> a "</" would end it early: JSON lets it be written "<\/".
    QByteArray json = QJsonDocument(data).toJson(QJsonDocument::Compact).replace("</", "<\\/");
    const QString title = titles.value(languages.first()).toString().toHtmlEscaped();
    html.replace("@LANG@", languages.first().toUtf8())
        .replace("@TITLE@", title.toUtf8())
        .replace("@WIDTH@", QByteArray::number(qRound(area.width() * 1.25)))
        .replace("@DATA@", json)
        .replace("@SVG@", svgElement(parts, languages, area));
    return html;
}

}  // namespace finwave::app
