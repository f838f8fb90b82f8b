#include "app/charts/chart_builders.h"
#include "app/io/save_file.h"

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
#include <QSvgGenerator>
#include <QValueAxis>

#include <tuple>

namespace finwave::app {

void styleChart(QChart* chart, const Theme& theme) {
    chart->setBackgroundBrush(theme.background);
    chart->setTitleBrush(theme.foreground);
    QFont title = theme.titleFont;
    chart->setTitleFont(title);
    chart->legend()->setFont(theme.font);
    chart->legend()->setLabelColor(theme.foreground);
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

// Round ticks on a value axis: about five, on 1, 2 or 5 times a power of ten (Qt's nice numbers).
void niceTicks(QValueAxis* axis, double lo, double hi) {
    axis->setRange(lo, hi > lo ? hi : lo + 1);
    axis->setTickCount(5);
    axis->applyNiceNumbers();
    axis->setLabelFormat(QStringLiteral("%g"));
}

// From 0 to at least `hi` in `ticks` ticks on a round step (1, 2, 2.5 or 5 times a power of ten).
void alignedTicks(QValueAxis* axis, double hi, int ticks) {
    const int intervals = std::max(1, ticks - 1);
    const double raw = std::max(hi, 1e-9) / intervals;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    double step = power * 10;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (power * m >= raw - 1e-12) {
            step = power * m;
            break;
        }
    axis->setRange(0, step * intervals);
    axis->setTickCount(ticks);
    axis->setLabelFormat(QStringLiteral("%g"));
}

QChart* makeSweepChart(const SweepResult& result, const QString& scenarioName, const Theme& theme) {
    auto* chart = new QChart;
    chart->setTitle(QCoreApplication::translate("Charts", "%1: time until both ends are CLOSED, by loss").arg(scenarioName));
    const auto line = [](const char* name) {
        auto* s = new QLineSeries;
        s->setName(QCoreApplication::translate("Charts", name));
        return s;
    };
    QLineSeries* median = line(QT_TRANSLATE_NOOP("Charts", "median close time (s)"));
    QLineSeries* p95 = line(QT_TRANSLATE_NOOP("Charts", "95th percentile (s)"));
    QLineSeries* rtx = line(QT_TRANSLATE_NOOP("Charts", "mean retransmissions (count)"));
    QLineSeries* graceful = line(QT_TRANSLATE_NOOP("Charts", "graceful close (%)"));
    QLineSeries* reset = line(QT_TRANSLATE_NOOP("Charts", "ended by RST (%)"));
    QLineSeries* gaveUp = line(QT_TRANSLATE_NOOP("Charts", "gave up (%)"));
    double maxTime = 1, maxCount = 1, minTime = 1e18;
    for (const SweepPoint& p : result.points) {
        const double x = p.loss * 100;
        if (p.closedRuns > 0) {  // a point where no run closed has no close time at all
            median->append(x, p.medianCloseSeconds);
            p95->append(x, p.p95CloseSeconds);
            maxTime = std::max(maxTime, p.p95CloseSeconds);
            minTime = std::min(minTime, p.medianCloseSeconds);
        }
        rtx->append(x, p.meanRetransmissions);
        graceful->append(x, p.graceful * 100);
        reset->append(x, p.reset * 100);
        gaveUp->append(x, p.gaveUp * 100);
        maxCount = std::max(maxCount, p.meanRetransmissions);
    }
    auto* x = new QValueAxis;
    x->setTitleText(QCoreApplication::translate("Charts", "loss in each direction (%)"));
    niceTicks(x, 0, result.points.empty() ? 60 : result.points.back().loss * 100);
    // Each quantity against an axis in its own unit: seconds, a count, a share.
    auto* yTime = new QValueAxis;
    yTime->setTitleText(QCoreApplication::translate("Charts", "seconds"));
    // From zero, as the other two: that TIME_WAIT's constant is most of every close time is part
    // of what the chart shows (an axis from 220 s made small differences look large).
    (void)minTime;
    niceTicks(yTime, 0, maxTime * 1.05);
    auto* yCount = new QValueAxis;
    yCount->setTitleText(QCoreApplication::translate("Charts", "retransmissions"));
    auto* yShare = new QValueAxis;
    yShare->setTitleText(QCoreApplication::translate("Charts", "share of runs (%)"));
    // The two right-hand axes have as many ticks as the seconds axis, on round steps, so each of
    // their ticks lies on one of its grid lines; only the seconds axis draws the grid.
    const int ticks = yTime->tickCount();
    alignedTicks(yCount, maxCount * 1.1, ticks);
    alignedTicks(yShare, 100, ticks);
    for (QValueAxis* a : {yCount, yShare})
        a->setGridLineVisible(false);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(yTime, Qt::AlignLeft);
    chart->addAxis(yCount, Qt::AlignRight);
    chart->addAxis(yShare, Qt::AlignRight);
    const auto attach = [&](QLineSeries* s, QValueAxis* y) {
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    };
    attach(median, yTime);
    attach(p95, yTime);
    attach(rtx, yCount);
    for (QLineSeries* s : {graceful, reset, gaveUp})
        attach(s, yShare);
    styleChart(chart, theme);
    // Six series: their legend beside the plot, not under it, so the plot keeps the height its
    // three value axes need for their ticks and titles.
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->setMargins(QMargins(4, 4, 4, 4));
    // Every series its own colour (Okabe–Ito) and its own line style, so none can be confused
    // in grey print or by a colour-blind reader.
    const std::tuple<QLineSeries*, QColor, Qt::PenStyle> looks[] = {
        {median, theme.sideA, Qt::SolidLine},           {p95, QColor(0x56, 0xB4, 0xE9), Qt::DashLine},
        {rtx, QColor(0xE6, 0x9F, 0x00), Qt::DotLine},   {graceful, theme.timer, Qt::SolidLine},
        {reset, theme.lost, Qt::DashDotLine},           {gaveUp, QColor(0xCC, 0x79, 0xA7), Qt::DashDotDotLine}};
    for (auto [series, colour, style] : looks) {
        QPen pen = series->pen();
        pen.setColor(colour);
        pen.setStyle(style);
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
    niceTicks(x, 0, maxX);
    niceTicks(y, 0, maxY * 1.1);
    styleChart(chart, theme);
    chart->legend()->setAlignment(Qt::AlignBottom);
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
    return saveFile(path, bytes);  // the old file kept on a failed write (a full disk too)
}

}  // namespace finwave::app
