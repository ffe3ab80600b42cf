// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "figurelayout.h"

#include <QFontMetricsF>
#include <cmath>
#include <numeric>
#include <qcustomplot.h>

namespace {
const char* const themeProperty = "figureTheme";
const char* const labelsProperty = "figureTickLabels";
const char* const textProperty = "figureText";
const char* const legendProperty = "figureLegend";
const char* const messageName = "figureMessage";
const char* const fittedProperty = "figureFitted";

struct Colors {
    QColor background, text, axis, grid, legendBackground;
};

Colors colorsOf(FigureStyle::Theme theme)
{
    if (theme == FigureStyle::Theme::Dark)
        return { QColor(30, 30, 32), QColor(230, 230, 230), QColor(170, 170, 170), QColor(70, 70, 74),
            QColor(30, 30, 32, 230) };
    return { Qt::white, Qt::black, Qt::black, QColor(220, 220, 220), QColor(255, 255, 255, 230) };
}

/// The layout's three phases, as a replot runs them, without drawing.
void relayout(QCustomPlot* plot)
{
    plot->plotLayout()->update(QCPLayoutElement::upPreparation);
    plot->plotLayout()->update(QCPLayoutElement::upMargins);
    plot->plotLayout()->update(QCPLayoutElement::upLayout);
}

/// `text` broken at spaces into lines no wider than `width`.
QString wrapped(const QString& text, const QFont& font, double width)
{
    const QFontMetricsF metrics(font);
    QStringList lines;
    QString line;
    for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString longer = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
        if (!line.isEmpty() && metrics.horizontalAdvance(longer) > width) {
            lines << line;
            line = word;
        } else {
            line = longer;
        }
    }
    if (!line.isEmpty())
        lines << line;
    return lines.join(QLatin1Char('\n'));
}

/// The text an element was given, before fit() wrapped it.
QString originalText(QObject* object, const QString& current)
{
    const QVariant kept = object->property(textProperty);
    if (kept.isValid())
        return kept.toString();
    object->setProperty(textProperty, current);
    return current;
}

void wrapAxisLabel(QCPAxis* axis, double length)
{
    if (!axis->visible() || axis->label().isEmpty())
        return;
    axis->setLabel(wrapped(originalText(axis, axis->label()), axis->labelFont(), std::max(40.0, length)));
}

/// `label` broken after its hyphens, underscores, slashes and spaces into lines no wider than `width`, or empty when
/// that takes more than three lines or a piece is wider.
QString brokenLabel(const QString& label, const QFontMetricsF& metrics, double width)
{
    QStringList pieces;
    QString piece;
    for (const QChar c : label) {
        piece += c;
        if (c == QLatin1Char('-') || c == QLatin1Char('_') || c == QLatin1Char('/') || c == QLatin1Char(' ')) {
            pieces << piece;
            piece.clear();
        }
    }
    if (!piece.isEmpty())
        pieces << piece;
    QStringList lines;
    for (const QString& next : pieces) {
        if (!lines.isEmpty() && metrics.horizontalAdvance(lines.last() + next) <= width)
            lines.last() += next;
        else
            lines << next;
        if (metrics.horizontalAdvance(lines.last()) > width)
            return {};
    }
    if (lines.size() > 3)
        return {};
    for (QString& line : lines)
        line = line.trimmed();
    return lines.join(QLatin1Char('\n'));
}

/// Labels of a text ticker that keep clear of each other: upright when they fit side by side (broken into at most
/// three lines), else turned to read upwards, every k-th one, cut to a share of the figure's height.
void fitTextTicks(QCPAxis* axis, double figureHeight)
{
    const QMap<double, QString> labels = axis->property(labelsProperty).value<QMap<double, QString>>();
    if (labels.isEmpty())
        return;
    const QFontMetricsF metrics(axis->tickLabelFont());
    const double spacing = std::abs(axis->coordToPixel(1) - axis->coordToPixel(0));
    const double lineHeight = metrics.height();
    QMap<double, QString> upright;
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        const QString broken = brokenLabel(it.value(), metrics, spacing - lineHeight);
        if (broken.isEmpty()) {
            upright.clear();
            break;
        }
        upright.insert(it.key(), broken);
    }
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    if (!upright.isEmpty()) {
        axis->setTickLabelRotation(0);
        ticker->setTicks(upright);
        axis->setTicker(ticker);
        return;
    }
    double widest = 0;
    for (const QString& label : labels)
        widest = std::max(widest, metrics.horizontalAdvance(label));
    axis->setTickLabelRotation(-90);
    const auto step = std::max<qsizetype>(1, qsizetype(std::ceil(lineHeight * 1.25 / std::max(1.0, spacing))));
    const double longest = std::min(widest, figureHeight * (labels.size() / step > 8 ? 0.22 : 0.3));
    qsizetype index = 0;
    for (auto it = labels.begin(); it != labels.end(); ++it, ++index) {
        if (index % step == 0)
            ticker->addTick(it.key(), metrics.elidedText(it.value(), Qt::ElideMiddle, longest + 1));
    }
    axis->setTicker(ticker);
}

/// About `length / room` ticks on a numeric axis, between 2 and 8.
void fitNumberTicks(QCPAxis* axis, double length)
{
    if (!axis->visible() || !axis->property(labelsProperty).isNull())
        return;
    const QFontMetricsF metrics(axis->tickLabelFont());
    const bool horizontal = axis->orientation() == Qt::Horizontal;
    const double room
        = horizontal ? metrics.horizontalAdvance(QStringLiteral("$100.0k")) * 1.6 : metrics.height() * 2.5;
    axis->ticker()->setTickCount(std::clamp(int(length / room), 2, 8));
}

/// Points of the plotted data in pixels: markers, lines (sampled along their steps) and error bars.
QList<QPointF> dataPixels(QCustomPlot* plot)
{
    QList<QPointF> pixels;
    auto pixel = [](QCPAbstractPlottable* p, double key, double value) {
        return QPointF(p->keyAxis()->coordToPixel(key), p->valueAxis()->coordToPixel(value));
    };
    for (int i = 0; i < plot->graphCount(); ++i) {
        QCPGraph* graph = plot->graph(i);
        const bool line = graph->lineStyle() != QCPGraph::lsNone;
        QPointF last;
        for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it) {
            const QPointF point = pixel(graph, it->key, it->value);
            if (std::isnan(point.x()) || std::isnan(point.y()))
                continue;
            if (line && it != graph->data()->constBegin()) {
                const QPointF corner(point.x(), last.y()); // a step: along, then up
                for (int s = 1; s < 10; ++s) {
                    pixels << last + (corner - last) * s / 10.0;
                    pixels << corner + (point - corner) * s / 10.0;
                }
                pixels << corner;
            }
            pixels << point;
            last = point;
        }
    }
    for (int i = 0; i < plot->plottableCount(); ++i) {
        if (auto* errors = qobject_cast<QCPErrorBars*>(plot->plottable(i))) {
            auto* source = dynamic_cast<QCPGraph*>(errors->dataPlottable());
            if (!source)
                continue;
            for (int d = 0; d < errors->dataCount() && d < source->dataCount(); ++d) {
                const QCPErrorBarsData bar = errors->data()->at(d);
                const double key = source->data()->at(d)->key, value = source->data()->at(d)->value;
                for (int s = 0; s <= 10; ++s)
                    pixels << pixel(source, key, value - bar.errorMinus + (bar.errorMinus + bar.errorPlus) * s / 10.0);
            }
        } else if (auto* box = qobject_cast<QCPStatisticalBox*>(plot->plottable(i))) {
            for (auto it = box->data()->constBegin(); it != box->data()->constEnd(); ++it) {
                for (int s = 0; s <= 10; ++s)
                    pixels << pixel(box, it->key, it->minimum + (it->maximum - it->minimum) * s / 10.0);
            }
        }
    }
    return pixels;
}

/// A corner of the axes that no data reaches and that the legend fits in, or none.
std::optional<Qt::Alignment> emptyCorner(QCustomPlot* plot)
{
    const QRect area = plot->axisRect()->rect();
    const QSize size = plot->legend->minimumOuterSizeHint();
    if (size.width() > area.width() * 0.6 || size.height() > area.height() * 0.6)
        return std::nullopt;
    const QList<QPointF> pixels = dataPixels(plot);
    for (const Qt::Alignment corner : { Qt::AlignTop | Qt::AlignRight, Qt::AlignTop | Qt::AlignLeft,
             Qt::AlignBottom | Qt::AlignRight, Qt::AlignBottom | Qt::AlignLeft }) {
        const double x = (corner & Qt::AlignLeft) ? area.left() : area.right() - size.width();
        const double y = (corner & Qt::AlignTop) ? area.top() : area.bottom() - size.height();
        const QRectF box = QRectF(x, y, size.width(), size.height()).adjusted(-6, -6, 6, 6);
        if (std::none_of(pixels.begin(), pixels.end(), [&](const QPointF& p) { return box.contains(p); }))
            return corner;
    }
    return std::nullopt;
}

void moveLegendBelow(QCustomPlot* plot)
{
    if (plot->legend->layout())
        plot->legend->layout()->take(plot->legend);
    QCPLayoutGrid* grid = plot->plotLayout();
    grid->simplify();
    const int row = grid->rowCount();
    grid->addElement(row, 0, plot->legend);
    grid->setRowStretchFactor(row, 0.001);
    plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot->legend->setBorderPen(Qt::NoPen);
    plot->legend->setBrush(Qt::NoBrush);
    plot->legend->setMargins(QMargins(2, 0, 2, 2));
}

/// Entries side by side, as many to a row as the width holds; when their rows would take more than a quarter of the
/// height, more to a row with their names shortened.
void wrapLegend(QCustomPlot* plot, int width, int height)
{
    QCPLegend* legend = plot->legend;
    // Entries added to a legend wrapped by an earlier fit leave empty cells in its grid: pack them into one row first.
    legend->setWrap(0);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
    const QFontMetricsF metrics(legend->font());
    QList<QCPAbstractPlottable*> entries;
    for (int i = 0; i < legend->itemCount(); ++i) {
        if (auto* item = qobject_cast<QCPPlottableLegendItem*>(legend->item(i))) {
            item->plottable()->setName(originalText(item->plottable(), item->plottable()->name()));
            entries << item->plottable();
        }
    }
    int widest = 1, tallest = 1;
    for (int i = 0; i < legend->itemCount(); ++i) {
        const auto* item = static_cast<QCPLayoutElement*>(legend->item(i));
        if (!item)
            continue;
        const QSize size = item->minimumOuterSizeHint();
        widest = std::max(widest, size.width());
        tallest = std::max(tallest, size.height());
    }
    const int room = width - 8 - legend->margins().left() - legend->margins().right();
    int perRow = std::max(1, room / (widest + legend->columnSpacing()));
    const auto count = int(legend->itemCount());
    const int rowsThatFit = std::max(1, int(height / 4 / (tallest + legend->rowSpacing())));
    if ((count + perRow - 1) / perRow > rowsThatFit) {
        perRow = std::min(count, (count + rowsThatFit - 1) / rowsThatFit);
        const int decoration = widest
            - int(std::ceil(std::accumulate(entries.begin(), entries.end(), 0.0,
                [&](double most, auto* entry) { return std::max(most, metrics.horizontalAdvance(entry->name())); })));
        const double textRoom = double(room) / perRow - legend->columnSpacing() - decoration;
        for (QCPAbstractPlottable* entry : entries)
            entry->setName(metrics.elidedText(entry->name(), Qt::ElideMiddle, std::max(10.0, textRoom)));
    }
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, false);
    legend->setWrap(perRow);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
}

/// Fewer ticks on a numeric axis until no two labels touch.
void spreadNumberTicks(QCPAxis* axis)
{
    if (!axis->visible() || !axis->tickLabels() || !axis->property(labelsProperty).isNull())
        return;
    const QFontMetricsF metrics(axis->tickLabelFont());
    const bool horizontal = axis->orientation() == Qt::Horizontal;
    const QVector<double> ticks = axis->tickVector();
    const QVector<QString> labels = axis->tickVectorLabels();
    for (qsizetype i = 1; i < ticks.size() && i < labels.size(); ++i) {
        const double gap = std::abs(axis->coordToPixel(ticks[i]) - axis->coordToPixel(ticks[i - 1]));
        const double need = horizontal
            ? (metrics.horizontalAdvance(labels[i]) + metrics.horizontalAdvance(labels[i - 1])) / 2 + metrics.height()
            : metrics.height() * 1.3;
        if (gap < need) {
            axis->ticker()->setTickCount(std::max(1, axis->ticker()->tickCount() - 1));
            return;
        }
    }
}
}

namespace FigureLayout {

QFont font(const FigureStyle& style, double scale, bool bold)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    if (style.onScreen)
        font.setPointSizeF(style.fontPt * scale);
    else // the figure's units are points: a pixel of the layout is a point of the page
        font.setPixelSize(std::max(4, int(std::lround(style.fontPt * scale))));
    font.setBold(bold);
    return font;
}

void arrange(QCustomPlot* plot, const FigureStyle& style, const QString& title)
{
    QCPLayoutGrid* grid = plot->plotLayout();
    if (plot->legend->layout())
        plot->legend->layout()->take(plot->legend);
    for (int i = grid->elementCount() - 1; i >= 0; --i) {
        QCPLayoutElement* element = grid->elementAt(i);
        if (element && element != plot->axisRect())
            grid->remove(element);
    }
    grid->simplify();
    grid->setRowSpacing(2);
    const QFont normal = font(style);
    plot->setFont(normal);
    for (QCPAxis* axis : { plot->xAxis, plot->yAxis }) {
        axis->setTickLabelFont(normal);
        axis->setLabelFont(normal);
        axis->setTickLabelRotation(0);
        axis->setProperty(labelsProperty, QVariant());
        axis->setProperty(textProperty, QVariant());
        axis->setTickLabelPadding(3);
        axis->setLabelPadding(3);
    }
    plot->xAxis->setSubTicks(true);
    // x labels start below the half line by which the lowest y label reaches under the axis: corners keep clear.
    plot->xAxis->setTickLabelPadding(int(std::ceil(QFontMetricsF(normal).height() * 0.6)) + 1);
    plot->legend->setFont(normal);
    plot->legend->setIconSize(QSize(int(style.fontPt * 1.6), int(style.fontPt * 1.1)));
    plot->legend->setRowSpacing(0);
    plot->legend->setColumnSpacing(int(style.fontPt));
    plot->legend->setVisible(style.legend != FigureStyle::Legend::None);
    plot->legend->setProperty(legendProperty, int(style.legend));
    if (style.title) {
        grid->insertRow(0);
        auto* element = new QCPTextElement(plot, title, font(style, 1.1, true));
        element->setMargins(QMargins(2, 2, 2, 0));
        grid->addElement(0, 0, element);
        grid->setRowStretchFactor(0, 0.001);
    }
    if (style.legend == FigureStyle::Legend::Outside) {
        moveLegendBelow(plot);
    } else {
        plot->axisRect()->insetLayout()->addElement(plot->legend, Qt::AlignTop | Qt::AlignRight);
        plot->legend->setBorderPen(QPen(QColor(160, 160, 160)));
        plot->legend->setMargins(QMargins(4, 2, 4, 2));
    }
    applyTheme(plot, style.theme);
}

void setTextTicks(QCPAxis* axis, const QMap<double, QString>& labels)
{
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    ticker->setTicks(labels);
    axis->setTicker(ticker);
    axis->setSubTicks(false);
    axis->setProperty(labelsProperty, QVariant::fromValue(labels));
}

void showMessage(QCustomPlot* plot, const FigureStyle& style, const QString& message)
{
    plot->clearPlottables();
    plot->legend->setVisible(false);
    auto* text = new QCPItemText(plot);
    text->setObjectName(QLatin1String(messageName));
    text->position->setType(QCPItemPosition::ptAxisRectRatio);
    text->position->setCoords(0.5, 0.5);
    text->setPositionAlignment(Qt::AlignCenter);
    text->setTextAlignment(Qt::AlignCenter);
    text->setFont(font(style));
    text->setColor(colorsOf(style.theme).text);
    text->setText(message);
    plot->xAxis->setTickLabels(false);
    plot->yAxis->setTickLabels(false);
}

void fit(QCustomPlot* plot, int widthPt, int heightPt)
{
    plot->setViewport(QRect(0, 0, widthPt, heightPt));
    plot->setProperty(fittedProperty, QSize(widthPt, heightPt));
    const auto legend = FigureStyle::Legend(plot->legend->property(legendProperty).toInt());
    if (!plot->legend->visible() && plot->legend->layout() != plot->axisRect()->insetLayout()) {
        // A hidden legend takes no room.
        plot->legend->layout()->take(plot->legend);
        plot->plotLayout()->simplify();
        plot->axisRect()->insetLayout()->addElement(plot->legend, Qt::AlignTop | Qt::AlignRight);
    }
    if (legend == FigureStyle::Legend::Outside && plot->legend->visible())
        wrapLegend(plot, widthPt, heightPt);
    for (int i = 0; i < plot->plotLayout()->elementCount(); ++i) {
        if (auto* title = qobject_cast<QCPTextElement*>(plot->plotLayout()->elementAt(i)))
            title->setText(wrapped(originalText(title, title->text()), title->font(), widthPt - 16));
    }
    relayout(plot);
    // Twice: the labels' room depends on the margins, which depend on the labels.
    for (int pass = 0; pass < 2; ++pass) {
        const QRect area = plot->axisRect()->rect();
        wrapAxisLabel(plot->xAxis, area.width());
        wrapAxisLabel(plot->yAxis, area.height());
        fitTextTicks(plot->xAxis, heightPt);
        fitNumberTicks(plot->xAxis, area.width());
        fitNumberTicks(plot->yAxis, area.height());
        for (int i = 0; i < plot->itemCount(); ++i) {
            auto* text = qobject_cast<QCPItemText*>(plot->item(i));
            if (text && text->objectName() == QLatin1String(messageName))
                text->setText(wrapped(originalText(text, text->text()), text->font(), area.width() * 0.9));
        }
        relayout(plot);
    }
    for (int pass = 0; pass < 6; ++pass) {
        spreadNumberTicks(plot->xAxis);
        spreadNumberTicks(plot->yAxis);
        relayout(plot);
    }
    if (legend == FigureStyle::Legend::Inside && plot->legend->visible()) {
        if (const auto corner = emptyCorner(plot))
            plot->axisRect()->insetLayout()->setInsetAlignment(0, *corner);
        else {
            moveLegendBelow(plot);
            wrapLegend(plot, widthPt, heightPt);
        }
        relayout(plot);
    }
}

void fitOnScreen(QCustomPlot* plot)
{
    fit(plot, std::max(plot->width(), 400), std::max(plot->height(), 300));
}

void applyTheme(QCustomPlot* plot, FigureStyle::Theme theme)
{
    const Colors colors = colorsOf(theme);
    plot->setProperty(themeProperty, int(theme));
    plot->setBackground(colors.background);
    plot->axisRect()->setBackground(colors.background);
    for (QCPAxis* axis : plot->axisRect()->axes()) {
        axis->setBasePen(QPen(colors.axis, 1));
        axis->setTickPen(QPen(colors.axis, 1));
        axis->setSubTickPen(QPen(colors.axis, 1));
        axis->setTickLabelColor(colors.text);
        axis->setLabelColor(colors.text);
        axis->grid()->setPen(QPen(colors.grid, 1, Qt::DotLine));
        axis->grid()->setZeroLinePen(Qt::NoPen);
    }
    plot->legend->setTextColor(colors.text);
    if (plot->legend->brush().style() != Qt::NoBrush)
        plot->legend->setBrush(colors.legendBackground);
    for (int i = 0; i < plot->plotLayout()->elementCount(); ++i) {
        if (auto* title = qobject_cast<QCPTextElement*>(plot->plotLayout()->elementAt(i)))
            title->setTextColor(colors.text);
    }
    for (int i = 0; i < plot->itemCount(); ++i) {
        if (auto* text = qobject_cast<QCPItemText*>(plot->item(i)))
            text->setColor(colors.text);
    }
}
}
