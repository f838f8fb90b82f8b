#include "app/export/export_choices.h"

#include "app/export/animation_export.h"
#include "app/export/export_dialog.h"
#include "app/export/frame_renderer.h"
#include "app/export/mp4_encoder.h"
#include "app/window/sim_controller.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QPushButton>
#include <QStandardItemModel>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QSettings>
#include <QSpinBox>

#include <algorithm>

namespace finwave::app {

namespace {
int remembered(const QSettings& s, const char* key, int fallback, int highest) {
    return std::clamp(s.value(QLatin1String(key), fallback).toInt(), 0, highest);
}

// The format list's rows: PNG, SVG, PDF, GIF, MP4 (ExportFormat's order), then the handout.
constexpr int kGif = 3, kMp4 = 4, kHtml = 5, kHandout = 6;
const QSize kFrameSizes[] = {{1280, 720}, {1920, 1080}, {854, 480}};
}  // namespace

ExportChoicesDialog::ExportChoicesDialog(QWidget* parent, SimController* controller) : QDialog(parent), m_ctl(controller) {
    setWindowTitle(tr("Export diagram"));
    buildControls();
    auto* form = new QFormLayout(this);
    form->addRow(tr("View"), m_view);
    form->addRow(tr("Format"), m_format);
    form->addRow(tr("Size"), m_size);
    form->addRow(tr("Scale"), m_scale);
    form->addRow(m_transparent);
    form->addRow(m_caption);
    form->addRow(tr("Scope"), m_scope);
    form->addRow(tr("Theme"), m_theme);
    form->addRow(tr("Language"), m_language);
    // Two settings a row, so the dialog of an animation fits a 1280 × 720 projector.
    const auto pair = [this](QWidget* a, const QString& between, QWidget* b) {
        auto* row = new QWidget(this);
        auto* box = new QHBoxLayout(row);
        box->setContentsMargins(0, 0, 0, 0);
        box->addWidget(a, 1);
        box->addWidget(new QLabel(between, row));
        box->addWidget(b, 1);
        return row;
    };
    m_stepsRow = pair(m_fromStep, tr("to"), m_toStep);
    m_rateRow = pair(m_fps, tr("frames a second, speed"), m_speed);
    form->addRow(tr("Steps"), m_stepsRow);
    form->addRow(tr("Frame size"), m_frameSize);
    form->addRow(tr("Frames"), m_rateRow);
    form->addRow(m_allowLong);
    form->addRow(m_bothLanguages);
    form->addRow(m_length);
    form->addRow(m_preview);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    enableWhatApplies();
    connect(m_size, &QComboBox::currentIndexChanged, this, &ExportChoicesDialog::enableWhatApplies);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportChoicesDialog::enableWhatApplies);
    connect(m_view, &QComboBox::currentIndexChanged, this, &ExportChoicesDialog::refreshPreview);
    connect(m_theme, &QComboBox::currentIndexChanged, this, &ExportChoicesDialog::refreshPreview);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportChoicesDialog::refreshPreview);
    for (QSpinBox* box : {m_fromStep, m_toStep, m_fps})
        connect(box, &QSpinBox::valueChanged, this, &ExportChoicesDialog::refreshLength);
    connect(m_speed, &QDoubleSpinBox::valueChanged, this, &ExportChoicesDialog::refreshLength);
    connect(m_frameSize, &QComboBox::currentIndexChanged, this, &ExportChoicesDialog::refreshPreview);
    connect(m_allowLong, &QCheckBox::toggled, this, &ExportChoicesDialog::refreshLength);
    refreshPreview();
}

void ExportChoicesDialog::buildControls() {
    const QSettings settings;
    m_view = new QComboBox(this);
    m_view->addItems({tr("Sequence diagram"), tr("State graph"), tr("Both, side by side")});
    m_view->setCurrentIndex(remembered(settings, "export/view", 0, 2));
    m_format = new QComboBox(this);
    m_format->addItems({QStringLiteral("PNG"), QStringLiteral("SVG"), QStringLiteral("PDF"), tr("GIF (animated)"), tr("MP4 video"),
                        tr("Web page (HTML)"), tr("Handout (PDF, a page per step)")});
    if (ffmpegProgram().isEmpty()) {  // an MP4 is made by ffmpeg: offered only when it is there
        if (auto* model = qobject_cast<QStandardItemModel*>(m_format->model())) {
            model->item(kMp4)->setEnabled(false);
            model->item(kMp4)->setToolTip(ffmpegMissingText());
        }
    }
    m_format->setCurrentIndex(remembered(settings, "export/format", 0, kHandout));
    if (m_format->currentIndex() == kMp4 && ffmpegProgram().isEmpty())
        m_format->setCurrentIndex(kGif);
    m_scale = new QSpinBox(this);
    m_scale->setRange(1, 4);
    m_scale->setSuffix(QStringLiteral("×"));
    m_scale->setValue(settings.value(QStringLiteral("export/scale"), 2).toInt());
    // One long column at a scale, or cut into columns to fill a slide (16:9).
    m_size = new QComboBox(this);
    m_size->addItems({tr("One column, at a scale"), tr("Fit a 4K slide (3840 × 2160)"), tr("Fit a Full HD slide (1920 × 1080)")});
    m_size->setToolTip(tr("A long run is cut into columns placed side by side; a PNG is then exactly the slide's size. An SVG stays one column."));
    m_size->setCurrentIndex(remembered(settings, "export/size", 0, 2));
    m_transparent = new QCheckBox(tr("Transparent background (PNG)"), this);
    m_transparent->setChecked(settings.value(QStringLiteral("export/transparent"), false).toBool());
    m_caption = new QCheckBox(tr("Caption with scenario, profile and parameters"), this);
    m_caption->setChecked(settings.value(QStringLiteral("export/caption"), false).toBool());
    // The command line's --theme and --lang, and a preview of the view in the chosen theme.
    m_theme = new QComboBox(this);
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Projector"), QStringLiteral("projector"));
    m_theme->addItem(tr("High contrast"), QStringLiteral("high-contrast"));
    m_theme->setCurrentIndex(remembered(settings, "export/theme", 0, 2));
    m_language = new QComboBox(this);
    m_language->addItem(tr("As the window"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->setCurrentIndex(remembered(settings, "export/language", 0, 2));
    m_scope = new QComboBox(this);
    m_scope->addItems({tr("The complete run"), tr("Up to the current step")});
    m_preview = new QLabel(this);
    m_preview->setMinimumSize(480, 270);
    m_preview->setAlignment(Qt::AlignCenter);
    buildMovingControls();
}

void ExportChoicesDialog::buildMovingControls() {
    const QSettings settings;
    SimController run;  // the window's run to its end: how many steps it has
    run.loadSameRun(*m_ctl);
    run.seek(~quint64{0});
    const int last = static_cast<int>(std::min<quint64>(run.sim().stepIndex(), 1'000'000));
    m_fromStep = new QSpinBox(this);
    m_fromStep->setRange(0, last);
    m_toStep = new QSpinBox(this);
    m_toStep->setRange(0, last);
    m_toStep->setValue(last);
    m_frameSize = new QComboBox(this);
    for (const QSize& s : kFrameSizes)
        m_frameSize->addItem(QStringLiteral("%1 × %2").arg(s.width()).arg(s.height()));
    m_frameSize->setCurrentIndex(remembered(settings, "export/frameSize", 0, 2));
    m_fps = new QSpinBox(this);
    m_fps->setRange(1, 60);
    m_fps->setValue(std::clamp(settings.value(QStringLiteral("export/fps"), 15).toInt(), 1, 60));
    m_speed = new QDoubleSpinBox(this);
    m_speed->setRange(0.25, 4);
    m_speed->setSingleStep(0.25);
    m_speed->setSuffix(QStringLiteral("×"));
    m_speed->setValue(std::clamp(settings.value(QStringLiteral("export/speed"), 1.0).toDouble(), 0.25, 4.0));
    m_allowLong = new QCheckBox(tr("Allow a GIF longer than 30 s"), this);
    m_bothLanguages = new QCheckBox(tr("English and Chinese in the page"), this);
    m_length = new QLabel(this);
    m_length->setWordWrap(true);
}

bool ExportChoicesDialog::isMoving() const { return m_format->currentIndex() >= kGif; }

// How long the GIF or MP4 would play; a GIF over 30 s is not written unless allowed: an MP4 of it
// is a fraction of the size.
void ExportChoicesDialog::refreshLength() {
    const int f = m_format->currentIndex();
    const bool animated = f == kGif || f == kMp4;
    bool allowed = m_fromStep->value() <= m_toStep->value();
    QString text;
    if (animated && allowed) {
        const double seconds = animationSeconds(*m_ctl, options());
        text = tr("The animation lasts %1 s.").arg(seconds, 0, 'f', 1);
        if (f == kGif && seconds > kMaxGifSeconds) {
            text += QLatin1Char(' ') + (ffmpegProgram().isEmpty()
                                            ? tr("A GIF this long is large: choose fewer steps or a higher speed, or allow it.")
                                            : tr("A GIF this long is large: choose MP4 (much smaller), fewer steps or a higher speed, or allow it."));
            allowed = m_allowLong->isChecked();
        }
    } else if (!allowed) {
        text = tr("The first step is after the last.");
    }
    m_length->setText(text);
    if (m_ok)
        m_ok->setEnabled(allowed);
}

// Only what applies to the chosen format is enabled: the scale to a one-column PNG, the size to
// PNG and PDF (an SVG is one column), transparency to PNG.
void ExportChoicesDialog::enableWhatApplies() {
    const int f = m_format->currentIndex();
    const bool png = f == 0, moving = isMoving(), animated = f == kGif || f == kMp4;
    m_size->setEnabled(f == 0 || f == 2);
    m_scale->setEnabled(png && m_size->currentIndex() == 0);
    m_transparent->setEnabled(png);
    m_view->setEnabled(f != kHtml);  // the page draws the sequence diagram
    m_allowLong->setEnabled(f == kGif);
    m_bothLanguages->setEnabled(f == kHtml);
    // The rows that apply to a still picture or to the run as it moves; the others are hidden
    // (the dialog must fit a 1280 × 720 screen with its preview).
    if (auto* form = qobject_cast<QFormLayout*>(layout())) {
        for (QWidget* still : {static_cast<QWidget*>(m_size), static_cast<QWidget*>(m_scale), static_cast<QWidget*>(m_transparent),
                               static_cast<QWidget*>(m_caption), static_cast<QWidget*>(m_scope)})
            form->setRowVisible(still, !moving);
        form->setRowVisible(m_stepsRow, moving);
        for (QWidget* w : {static_cast<QWidget*>(m_frameSize), m_rateRow, static_cast<QWidget*>(m_length)})
            form->setRowVisible(w, animated);
        form->setRowVisible(m_allowLong, f == kGif);
        form->setRowVisible(m_bothLanguages, f == kHtml);
        adjustSize();
    }
    refreshLength();
}

void ExportChoicesDialog::refreshPreview() {
    const QString theme = m_theme->currentData().toString();
    const int f = m_format->currentIndex();
    if (f == kGif || f == kMp4) {  // the animation's last frame, as it will be written
        FrameRenderer frames(*m_ctl, options());
        const AnimationPlan plan = frames.plan();
        if (frames.problem().isEmpty() && !plan.frames.empty()) {
            m_preview->setPixmap(QPixmap::fromImage(frames.render(plan.frames.back()).scaled(QSize(480, 270), Qt::KeepAspectRatio, Qt::SmoothTransformation)));
            refreshLength();
            return;
        }
    }
    m_preview->setPixmap(QPixmap::fromImage(previewDiagram(m_ctl, static_cast<DiagramView>(m_view->currentIndex()), theme)));
    refreshLength();
}

ExportOptions ExportChoicesDialog::options() const {
    ExportOptions o;
    o.view = static_cast<DiagramView>(m_view->currentIndex());
    o.format = static_cast<ExportFormat>(m_format->currentIndex());
    o.scale = m_scale->value();
    o.fit = m_size->currentIndex() == 1 ? kFit4K : m_size->currentIndex() == 2 ? kFitFullHd : QSize();
    o.transparent = m_transparent->isChecked();
    o.caption = m_caption->isChecked() ? QStringLiteral("") : QString();
    o.theme = m_theme->currentData().toString();
    o.language = m_language->currentData().toString();
    if (m_format->currentIndex() == kHandout) {
        o.format = ExportFormat::Pdf;
        o.handout = true;
    }
    if (m_format->currentIndex() == kHtml)
        o.view = DiagramView::Sequence;
    o.fromStep = static_cast<quint64>(m_fromStep->value());
    o.toStep = static_cast<quint64>(m_toStep->value());
    o.frameSize = kFrameSizes[std::clamp(m_frameSize->currentIndex(), 0, 2)];
    o.fps = m_fps->value();
    o.speed = m_speed->value();
    o.allowLong = m_allowLong->isChecked();
    o.bothLanguages = m_bothLanguages->isChecked();
    o.wholeFigure = QSettings().value(QStringLiteral("view/wholeFigure"), false).toBool();
    return o;
}

bool ExportChoicesDialog::completeRun() const { return m_scope->currentIndex() == 0; }

QString ExportChoicesDialog::extension() const {
    const QString ext[] = {QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf"), QStringLiteral("gif"),
                           QStringLiteral("mp4"), QStringLiteral("html"), QStringLiteral("pdf")};
    return ext[std::clamp(m_format->currentIndex(), 0, kHandout)];
}

QString ExportChoicesDialog::formatName() const { return m_format->currentText(); }

void ExportChoicesDialog::remember() const {
    QSettings settings;
    settings.setValue(QStringLiteral("export/format"), m_format->currentIndex());
    settings.setValue(QStringLiteral("export/scale"), m_scale->value());
    settings.setValue(QStringLiteral("export/size"), m_size->currentIndex());
    settings.setValue(QStringLiteral("export/view"), m_view->currentIndex());
    settings.setValue(QStringLiteral("export/transparent"), m_transparent->isChecked());
    settings.setValue(QStringLiteral("export/caption"), m_caption->isChecked());
    settings.setValue(QStringLiteral("export/theme"), m_theme->currentIndex());
    settings.setValue(QStringLiteral("export/language"), m_language->currentIndex());
    settings.setValue(QStringLiteral("export/frameSize"), m_frameSize->currentIndex());
    settings.setValue(QStringLiteral("export/fps"), m_fps->value());
    settings.setValue(QStringLiteral("export/speed"), m_speed->value());
}

}  // namespace finwave::app
