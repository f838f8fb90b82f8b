#include "app/export/export_choices.h"

#include "app/export/export_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
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
    form->addRow(m_preview);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    enableWhatApplies();
    connect(m_size, &QComboBox::currentIndexChanged, this, &ExportChoicesDialog::enableWhatApplies);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportChoicesDialog::enableWhatApplies);
    connect(m_view, &QComboBox::currentIndexChanged, this, &ExportChoicesDialog::refreshPreview);
    connect(m_theme, &QComboBox::currentIndexChanged, this, &ExportChoicesDialog::refreshPreview);
    refreshPreview();
}

void ExportChoicesDialog::buildControls() {
    const QSettings settings;
    m_view = new QComboBox(this);
    m_view->addItems({tr("Sequence diagram"), tr("State graph"), tr("Both, side by side")});
    m_view->setCurrentIndex(remembered(settings, "export/view", 0, 2));
    m_format = new QComboBox(this);
    m_format->addItems({QStringLiteral("PNG"), QStringLiteral("SVG"), QStringLiteral("PDF")});
    m_format->setCurrentIndex(remembered(settings, "export/format", 0, 2));
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
}

// Only what applies to the chosen format is enabled: the scale to a one-column PNG, the size to
// PNG and PDF (an SVG is one column), transparency to PNG.
void ExportChoicesDialog::enableWhatApplies() {
    const bool png = m_format->currentIndex() == 0;
    m_size->setEnabled(m_format->currentIndex() != 1);
    m_scale->setEnabled(png && m_size->currentIndex() == 0);
    m_transparent->setEnabled(png);
}

void ExportChoicesDialog::refreshPreview() {
    const QString theme = m_theme->currentData().toString();
    m_preview->setPixmap(QPixmap::fromImage(previewDiagram(m_ctl, static_cast<DiagramView>(m_view->currentIndex()), theme)));
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
    return o;
}

bool ExportChoicesDialog::completeRun() const { return m_scope->currentIndex() == 0; }

QString ExportChoicesDialog::extension() const {
    const QString ext[] = {QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf")};
    return ext[m_format->currentIndex()];
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
}

}  // namespace finwave::app
