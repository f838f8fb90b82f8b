#include "app/charts/chart_builders.h"

#include "app/export/png_encoder.h"

#include <QBuffer>

#include <cmath>
#include <QChart>
#include <QChartView>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QCoreApplication>
#include <QFileInfo>
#include <QDir>
#include <QLegend>
#include <QLineSeries>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QValueAxis>

namespace finwave::app {

void styleChart(QChart* chart, const Theme& theme) {
    chart->setBackgroundBrush(theme.background);
    chart->setTitleBrush(theme.foreground);
    QFont title = theme.titleFont;
    chart->setTitleFont(title);
    chart->legend()->setFont(theme.font);
    chart->legend()->setLabelColor(theme.foreground);
    chart->legend()->setAlignment(Qt::AlignBottom);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsFont(theme.font);
        axis->setTitleFont(theme.font);
        axis->setLabelsColor(theme.foreground);
        axis->setTitleBrush(theme.foreground);
        axis->setGridLineColor(theme.grid);
    }
    for (QAbstractSeries* s : chart->series())
        if (auto* line = qobject_cast<QLineSeries*>(s)) {
            QPen pen = line->pen();
            pen.setWidthF(std::max<qreal>(2.0, theme.lineWidth * 1.2));
            line->setPen(pen);
        }
}

QChart* makeSweepChart(const SweepResult& result, const QString& scenarioName, const Theme& theme) {
    auto* chart = new QChart;
    chart->setTitle(QCoreApplication::translate("Charts", "%1: time until both ends are CLOSED, by loss").arg(scenarioName));
    auto* median = new QLineSeries;
    median->setName(QCoreApplication::translate("Charts", "median close time (s)"));
    auto* p95 = new QLineSeries;
    p95->setName(QCoreApplication::translate("Charts", "95th percentile (s)"));
    auto* rtx = new QLineSeries;
    rtx->setName(QCoreApplication::translate("Charts", "mean retransmissions"));
    auto* graceful = new QLineSeries;
    graceful->setName(QCoreApplication::translate("Charts", "graceful close (%)"));
    auto* reset = new QLineSeries;
    reset->setName(QCoreApplication::translate("Charts", "ended by RST (%)"));
    auto* gaveUp = new QLineSeries;
    gaveUp->setName(QCoreApplication::translate("Charts", "gave up (%)"));
    double maxTime = 1, maxCount = 1, minTime = 1e18;
    for (const SweepPoint& p : result.points) {
        const double x = p.loss * 100;
        if (p.closedRuns > 0) {  // no close time where no run closed
            median->append(x, p.medianCloseSeconds);
            p95->append(x, p.p95CloseSeconds);
        }
        rtx->append(x, p.meanRetransmissions);
        graceful->append(x, p.graceful * 100);
        reset->append(x, p.reset * 100);
        gaveUp->append(x, p.gaveUp * 100);
        maxTime = std::max(maxTime, p.p95CloseSeconds);
        if (p.closedRuns > 0)
            minTime = std::min(minTime, p.medianCloseSeconds);
        maxCount = std::max({maxCount, p.meanRetransmissions, 100.0});
    }
    auto* x = new QValueAxis;
    x->setTitleText(QCoreApplication::translate("Charts", "loss in each direction (%)"));
    x->setRange(0, result.points.empty() ? 60 : result.points.back().loss * 100);
    x->setLabelFormat(QStringLiteral("%.0f"));
    auto* yTime = new QValueAxis;
    yTime->setTitleText(QCoreApplication::translate("Charts", "seconds"));
    // Start just below the lowest median: TIME_WAIT is a large constant under every point.
    yTime->setRange(minTime < 1e17 ? std::floor(minTime * 0.95) : 0, maxTime * 1.05);
    auto* yCount = new QValueAxis;
    yCount->setTitleText(QCoreApplication::translate("Charts", "retransmissions / share of runs (%)"));
    yCount->setRange(0, maxCount * 1.05);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(yTime, Qt::AlignLeft);
    chart->addAxis(yCount, Qt::AlignRight);
    for (QLineSeries* s : {median, p95}) {
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(yTime);
    }
    for (QLineSeries* s : {rtx, graceful, reset, gaveUp}) {
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(yCount);
    }
    styleChart(chart, theme);
    // One colour each (Okabe–Ito), so no two series can be confused.
    const std::pair<QLineSeries*, QColor> colours[] = {
        {median, theme.sideA}, {p95, theme.sideA}, {rtx, QColor(0xE6, 0x9F, 0x00)},
        {graceful, theme.timer}, {reset, theme.lost}, {gaveUp, QColor(0xCC, 0x79, 0xA7)}};
    for (auto [series, colour] : colours) {
        QPen pen = series->pen();
        pen.setColor(colour);
        if (series == p95)
            pen.setStyle(Qt::DashLine);
        series->setPen(pen);
    }
    return chart;
}

QChart* makePileupChart(const std::vector<std::pair<QString, PileupResult>>& series, double rate, const Theme& theme) {
    auto* chart = new QChart;
    chart->setTitle(QCoreApplication::translate("Charts", "Sockets in TIME_WAIT on a server closing %1 connections/s").arg(rate));
    auto* x = new QValueAxis;
    x->setTitleText(QCoreApplication::translate("Charts", "time (s)"));
    auto* y = new QValueAxis;
    y->setTitleText(QCoreApplication::translate("Charts", "sockets in TIME_WAIT"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    double maxX = 1, maxY = 1;
    for (const auto& [name, r] : series) {
        auto* curve = new QLineSeries;
        curve->setName(name);
        for (std::size_t i = 0; i < r.timeSeconds.size(); ++i) {
            curve->append(r.timeSeconds[i], r.inTimeWait[i]);
            maxY = std::max(maxY, r.inTimeWait[i]);
        }
        maxX = std::max(maxX, r.timeSeconds.empty() ? 1.0 : r.timeSeconds.back());
        chart->addSeries(curve);
        curve->attachAxis(x);
        curve->attachAxis(y);
        if (r.steadyState > 0) {  // the check: R x T
            auto* steady = new QLineSeries;
            steady->setName(QCoreApplication::translate("Charts", "%1: R × T = %2").arg(name).arg(r.steadyState, 0, 'f', 0));
            steady->append(0, r.steadyState);
            steady->append(r.timeSeconds.empty() ? 1.0 : r.timeSeconds.back(), r.steadyState);
            chart->addSeries(steady);
            steady->attachAxis(x);
            steady->attachAxis(y);
            QPen pen(curve->pen().color(), 1.5, Qt::DashLine);
            steady->setPen(pen);
            maxY = std::max(maxY, r.steadyState);
        }
    }
    x->setRange(0, maxX);
    y->setRange(0, maxY * 1.1);
    y->setLabelFormat(QStringLiteral("%.0f"));
    styleChart(chart, theme);
    return chart;
}

QByteArray renderChart(QChart* chart, const QString& ext, QSize size) {
    // A scene of its own, so the chart is laid out at `size` even with no window shown.
    QGraphicsScene* previous = chart->scene();
    const QRectF oldGeometry = chart->geometry();
    if (previous)
        previous->removeItem(chart);
    QGraphicsScene scene;
    scene.addItem(chart);
    chart->setGeometry(QRectF(QPointF(0, 0), QSizeF(size)));
    chart->layout()->activate();
    QCoreApplication::sendPostedEvents();
    const QRectF area(QPointF(0, 0), QSizeF(size));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (ext == QLatin1String("png")) {
        QImage image(size, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        scene.render(&p, area, area);
        p.end();
        bytes = encodePng(image, false);
    } else {
        QSvgGenerator svg;
        svg.setResolution(kScreenDpi);  // text as large as in the PNG (see theme.h)
        svg.setOutputDevice(&buffer);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        QPainter p(&svg);
        scene.render(&p, area, area);
        p.end();
    }
    scene.removeItem(chart);  // the caller keeps its chart
    if (previous) {
        previous->addItem(chart);
        chart->setGeometry(oldGeometry);
    }
    return bytes;
}

QString saveChart(QChart* chart, const QString& path, QSize size) {
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        return QCoreApplication::translate("Charts", "%1: the folder %2 does not exist").arg(path, info.absolutePath());
    const QString ext = info.suffix().toLower();
    if (ext != QLatin1String("png") && ext != QLatin1String("svg"))
        return QCoreApplication::translate("Charts", "%1: unknown extension (png, svg)").arg(path);
    const QByteArray bytes = renderChart(chart, ext, size);
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
        return QCoreApplication::translate("Charts", "%1: cannot be written (%2)").arg(path, out.errorString());
    return {};
}

}  // namespace finwave::app
