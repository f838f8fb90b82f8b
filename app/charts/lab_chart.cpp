#include "app/charts/lab_chart.h"

#include "app/charts/chart_builders.h"

#include <QChart>
#include <QCoreApplication>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace finwave::app {

QChart* makeLabChart(const lab::LabResult& result, const QString& title, const Theme& theme) {
    auto* chart = new QChart;
    chart->setTitle(title);
    struct Curve {
        QLineSeries* series;
        double (*value)(const lab::LabSecond&);
        QColor colour;
        Qt::PenStyle style;
        bool perSecond;
    };
    const Curve curves[] = {
        {new QLineSeries, [](const lab::LabSecond& s) { return double(s.timeWaitClient); }, theme.sideA, Qt::SolidLine, false},
        {new QLineSeries, [](const lab::LabSecond& s) { return double(s.timeWaitServer); }, theme.sideB, Qt::DashLine, false},
        {new QLineSeries, [](const lab::LabSecond& s) { return double(s.portsInUse); }, theme.muted, Qt::DotLine, false},
        {new QLineSeries, [](const lab::LabSecond& s) { return double(s.newConnections - s.addrNotAvail - s.refused); },
         theme.timer, Qt::DashDotLine, true},
        {new QLineSeries, [](const lab::LabSecond& s) { return double(s.addrNotAvail); }, theme.lost, Qt::SolidLine, true},
        {new QLineSeries, [](const lab::LabSecond& s) { return double(s.refused); }, theme.cursor, Qt::DashDotDotLine, true},
    };
    curves[0].series->setName(QCoreApplication::translate("LabChart", "client TIME_WAIT"));
    curves[1].series->setName(QCoreApplication::translate("LabChart", "server TIME_WAIT"));
    curves[2].series->setName(QCoreApplication::translate("LabChart", "client ports in use"));
    curves[3].series->setName(QCoreApplication::translate("LabChart", "connected/s"));
    curves[4].series->setName(QCoreApplication::translate("LabChart", "EADDRNOTAVAIL/s"));
    curves[5].series->setName(QCoreApplication::translate("LabChart", "refused/s"));
    double maxLeft = 1, maxRight = 1;
    for (const Curve& c : curves) {
        int t = 0;
        QList<QPointF> points;
        points.reserve(static_cast<qsizetype>(result.seconds.size()));
        for (const lab::LabSecond& s : result.seconds) {
            const double v = c.value(s);
            points.append(QPointF(++t, v));
            (c.perSecond ? maxRight : maxLeft) = std::max(c.perSecond ? maxRight : maxLeft, v);
        }
        c.series->replace(points);  // one call: a series of thousands of points redrawn once
    }
    auto* x = new QValueAxis;
    x->setTitleText(QCoreApplication::translate("LabChart", "simulated time (s)"));
    auto* left = new QValueAxis;
    left->setTitleText(QCoreApplication::translate("LabChart", "sockets, ports"));
    auto* right = new QValueAxis;
    right->setTitleText(QCoreApplication::translate("LabChart", "per second"));
    right->setGridLineVisible(false);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(left, Qt::AlignLeft);
    chart->addAxis(right, Qt::AlignRight);
    for (const Curve& c : curves) {
        chart->addSeries(c.series);
        c.series->attachAxis(x);
        c.series->attachAxis(c.perSecond ? right : left);
    }
    niceTicks(x, 0, std::max<double>(1, static_cast<double>(result.seconds.size())));
    niceTicks(left, 0, maxLeft * 1.05);
    niceTicks(right, 0, maxRight * 1.05);
    styleChart(chart, theme);
    // Five series: their legend beside the plot, where no name is cut short.
    chart->legend()->setAlignment(Qt::AlignRight);
    for (const Curve& c : curves) {  // colour and dash: told apart without colour too
        QPen pen = c.series->pen();
        pen.setColor(c.colour);
        pen.setStyle(c.style);
        pen.setWidthF(theme.lineWidth);
        c.series->setPen(pen);
    }
    return chart;
}

}  // namespace finwave::app
