#include "app/window/step_caption_bar.h"

#include "app/text/step_text.h"
#include "app/window/sim_controller.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QTextDocument>

namespace finwave::app {

StepCaptionBar::StepCaptionBar(SimController* controller, QWidget* parent) : QFrame(parent), m_ctl(controller) {
    setFrameShape(QFrame::StyledPanel);
    setObjectName(QStringLiteral("stepCaption"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 4, 10, 4);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_text);
    connect(m_ctl, &SimController::stepChanged, this, &StepCaptionBar::refresh);
    connect(m_ctl, &SimController::scenarioLoaded, this, &StepCaptionBar::refresh);
    connect(m_ctl, &SimController::finished, this, &StepCaptionBar::refresh);
    connect(m_ctl, &SimController::annotationsChanged, this, &StepCaptionBar::refresh);
    connect(m_ctl, &SimController::timesHiddenChanged, this, &StepCaptionBar::refresh);
    setProjector(false);
}

void StepCaptionBar::setProjector(bool on) {
    m_projector = on;
    QFont f = font();
    f.setPointSizeF(on ? 14 : 11);  // 14 pt is 18.7 px at 96 dpi: over 16 px at 1280x720
    m_text->setFont(f);
    refresh();
}

void StepCaptionBar::setShowsNotes(bool on) {
    m_notes = on;
    refresh();
}

void StepCaptionBar::setLessonPage(const QString& title, const QString& introduction, int page, int pages) {
    m_lessonTitle = title;
    m_lessonIntro = introduction;
    m_lessonPage = page;
    m_lessonPages = pages;
    refresh();
}

void StepCaptionBar::refresh() {
    const StepCaptionText c = stepCaption(m_ctl->sim(), m_ctl->teardownText(), m_ctl->timesHidden());
    // The note first, framed as the teacher's words, in the caption's own size.
    QString note;
    if (m_notes)
        if (const std::string* text = m_ctl->sim().annotation(m_ctl->sim().stepIndex()))
            note = QStringLiteral("<table width='100%' cellpadding='3' bgcolor='#fdf0f6'><tr><td>\u270e %1</td></tr></table>")
                       .arg(QString::fromStdString(*text).toHtmlEscaped());
    // The outcome, once the run has ended, in larger text than a step's line.
    const double headline = c.finished ? (m_projector ? 22 : 15) : (m_projector ? 15 : 11);
    QString html = QStringLiteral("<span style='font-size:%1pt; font-weight:bold'>%2</span>")
                       .arg(headline)
                       .arg(c.headline.toHtmlEscaped());
    html.prepend(note);
    // The title card of a lesson's page, before its first step.
    if (!m_lessonTitle.isEmpty() && m_ctl->sim().stepIndex() == 0) {
        QString card = QStringLiteral("<span style='color:#555'>%1</span>")
                           .arg(tr("Lesson: %1 · scenario %2 of %3")  // one arg(): a "%2" in the title stays as written
                                .arg(m_lessonTitle.toHtmlEscaped(), QString::number(m_lessonPage), QString::number(m_lessonPages)));
        if (m_lessonPage == 1 && !m_lessonIntro.isEmpty())
            card += QStringLiteral("<br><i>%1</i>").arg(m_lessonIntro.toHtmlEscaped());
        html.prepend(card + QStringLiteral("<br>"));
    }
    if (!c.sentence.isEmpty())
        html += QStringLiteral("<br>") + c.sentence.toHtmlEscaped();
    if (!c.rule.isEmpty())
        html += QStringLiteral(" <span style='color:#555'>[%1]</span>")
                    .arg(c.rule.toHtmlEscaped().replace(QLatin1Char(' '), QStringLiteral("&nbsp;")));  // kept on one line
    m_text->setText(html);
}

QString StepCaptionBar::text() const {
    QTextDocument doc;
    doc.setHtml(m_text->text());
    return doc.toPlainText();
}

void StepCaptionBar::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QFrame::changeEvent(event);
}

}  // namespace finwave::app
