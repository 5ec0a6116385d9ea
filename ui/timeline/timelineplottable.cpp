#include "ui/timeline/timelineplottable.h"

#include "ui/plots/statepalette.h"
#include "ui/timeline/timelinedata.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace conlab {

namespace {

// Folded marks get light stripes: "many short segments here, zoom in", never mistaken for one long one.
const QBrush& foldedHatch()
{
    static const QBrush hatch(QColor(255, 255, 255, 150), Qt::BDiagPattern);
    return hatch;
}

// Grows the last of `runs` when `left` touches it, else starts a new one.
void extendRuns(std::vector<std::pair<double, double>>& runs, double left, double right)
{
    if (!runs.empty() && left <= runs.back().second + 0.5)
        runs.back().second = std::max(runs.back().second, right);
    else
        runs.emplace_back(left, right);
}

std::size_t styleIndex(TaskState state)
{
    return std::min(std::size_t(state), std::size_t(taskStateCount - 1));
}

// What QCustomPlot asks of getKeyRange() and getValueRange(): `range` cut to the sign domain, found when not empty.
QCPRange inSignDomain(QCPRange range, QCP::SignDomain signDomain, bool& foundRange)
{
    if (signDomain == QCP::sdPositive)
        range.lower = std::max(range.lower, 0.0);
    else if (signDomain == QCP::sdNegative)
        range.upper = std::min(range.upper, 0.0);
    foundRange = range.lower <= range.upper;
    return range;
}

} // namespace

TimelinePlottable::Style::Style(const PresentationTheme& theme)
    : outlinePx(theme.pixels(1))
    , framePx(theme.pixels(2))
    // A wider edge needs a wider segment, or the edges of many short ones would paint the lane black.
    , outlinedMinWidthPx(theme.pixels(4) * outlinePx)
    , laneBand(theme.laneBandColor())
{
    for (TaskState state : allTaskStates) {
        const QColor fill = stateColor(state);
        states[std::size_t(state)] = Paint {fill, theme.segmentOutline(state), qPremultiply(fill.rgba())};
    }
}

TimelinePlottable::TimelinePlottable(QCPAxis* keyAxis, QCPAxis* valueAxis, const TimelineData* data)
    : QCPAbstractPlottable(keyAxis, valueAxis)
    , m_data(data)
    , m_style(PresentationTheme::desk())
{
    setSelectable(QCP::stNone);
    // Bars sit on whole pixels; antialiasing would only blur their edges and cost time.
    setAntialiased(false);
    setAntialiasedFill(false);
}

void TimelinePlottable::setTheme(const PresentationTheme& theme)
{
    m_style = Style(theme);
    m_workerPaints.clear();
}

void TimelinePlottable::drawSwatch(QPainter* painter, const QRectF& rect, TaskState state, bool folded) const
{
    fillBar(painter, rect, m_style.states[styleIndex(state)], folded, state == TaskState::BlockingLoop);
}

void TimelinePlottable::drawWorkerSwatch(QPainter* painter, const QRectF& rect, int worker) const
{
    fillBar(painter, rect, workerPaint(worker), false, false);
}

const TimelinePlottable::Paint& TimelinePlottable::workerPaint(int worker) const
{
    const auto index = std::size_t(std::max(0, worker));
    while (m_workerPaints.size() <= index) {
        const QColor fill = workerColor(int(m_workerPaints.size()));
        m_workerPaints.push_back(Paint {fill, fill.darker(160), qPremultiply(fill.rgba())});
    }
    return m_workerPaints[index];
}

const TimelinePlottable::Paint& TimelinePlottable::paintOf(
    const TimelineMark& mark, std::span<const Segment> lane) const
{
    // A core's folded column takes the colour of the worker that opened it; the hatch says there were several.
    if (m_data->byCore() && std::size_t(mark.first) < lane.size())
        return workerPaint(lane[std::size_t(mark.first)].lane);
    return m_style.states[styleIndex(mark.state)];
}

void TimelinePlottable::fillBar(
    QPainter* painter, const QRectF& rect, const Paint& paint, bool folded, bool blockingFrame) const
{
    const QColor& fill = paint.fill;
    const QColor& edge = paint.outline;
    const double wideEnough = m_style.outlinedMinWidthPx;
    if (blockingFrame && rect.width() >= wideEnough) {
        // The loop-blocking CPU phase is the lesson of the event-loop demo: a heavy frame and a cross-hatch.
        painter->fillRect(rect, edge);
        const int frame = m_style.framePx;
        const QRectF inner = rect.adjusted(frame, frame, -frame, -frame);
        if (inner.isValid()) {
            painter->fillRect(inner, fill);
            painter->fillRect(inner, QBrush(edge, Qt::DiagCrossPattern));
        }
        return;
    }
    const int edgePx = m_style.outlinePx;
    if (!folded && rect.width() >= wideEnough && rect.height() >= 2 * edgePx + 2) {
        painter->fillRect(rect, edge);
        painter->fillRect(rect.adjusted(edgePx, edgePx, -edgePx, -edgePx), fill);
    } else {
        painter->fillRect(rect, fill);
    }
    if (folded)
        painter->fillRect(rect, foldedHatch());
}

// Outvoted inside a folded column: a red strip along the top still says "the loop was blocked here".
void TimelinePlottable::markBlockedLoop(QPainter* painter, const QRectF& rect) const
{
    painter->fillRect(
        QRectF(rect.left(), rect.top(), rect.width(), std::max(double(m_style.framePx), rect.height() / 4)),
        m_style.states[std::size_t(TaskState::BlockingLoop)].outline);
}

void TimelinePlottable::draw(QCPPainter* painter)
{
    if (!m_data || !mKeyAxis || !mValueAxis || m_data->laneCount() == 0)
        return;
    const QCPRange keyRange = mKeyAxis->range();
    TimeAxisMapping mapping;
    mapping.beginSec = keyRange.lower;
    mapping.endSec = keyRange.upper;
    mapping.pixelLeft = mKeyAxis->coordToPixel(keyRange.lower);
    mapping.pixelWidth = mKeyAxis->coordToPixel(keyRange.upper) - mapping.pixelLeft;
    if (!mapping.isValid())
        return;

    // Folded marks are whole pixel columns; they go into one image row per lane (a margin of a few columns
    // either side, where folding may round to).
    const int rowLeft = int(std::floor(mapping.pixelLeft)) - 4;
    const int rowWidth = int(std::ceil(mapping.pixelWidth)) + 9;
    if (m_foldRow.width() != rowWidth)
        m_foldRow = QImage(rowWidth, 1, QImage::Format_ARGB32_Premultiplied);

    const QCPRange valueRange = mValueAxis->range();
    const int firstLane = std::max(0, int(std::floor(valueRange.lower - laneBarHeight)));
    const int lastLane = std::min(m_data->laneCount() - 1, int(std::ceil(valueRange.upper + laneBarHeight)));
    const double laneStepPx = std::abs(mValueAxis->coordToPixel(1.0) - mValueAxis->coordToPixel(0.0));
    const double barHeightPx = std::max(1.0, laneStepPx * laneBarHeight);

    // Every other lane gets a faint band so the eye can follow a lane across a wide plot.
    const QRect plotRect = clipRect();
    const QColor& band = m_style.laneBand;
    for (int lane = firstLane; lane <= lastLane; ++lane) {
        const double centre = mValueAxis->coordToPixel(lane);
        if (lane % 2 == 1)
            painter->fillRect(QRectF(plotRect.left(), centre - laneStepPx / 2, plotRect.width(), laneStepPx), band);
        const std::span<const Segment> segments = m_data->lane(lane);
        foldLane(segments, m_data->originNs(), mapping, m_marks);
        drawLane(painter, segments, centre - barHeightPx / 2, barHeightPx, rowLeft);
    }
}

void TimelinePlottable::drawLane(
    QPainter* painter, std::span<const Segment> lane, double top, double height, int rowLeft)
{
    // At a million segments a lane holds about one mark per pixel column: a fillRect each would be a hundred
    // thousand painter calls per replot. Every mark too narrow for an outline is written into an image row instead
    // and stretched to the bar's height with one drawImage; only outlined segments, the hatch and the
    // blocked-loop strips are drawn one by one, and there are few of those per lane.
    auto* row = reinterpret_cast<QRgb*>(m_foldRow.scanLine(0));
    const int rowWidth = m_foldRow.width();
    int firstColumn = rowWidth;
    int lastColumn = -1;
    m_foldedRuns.clear();
    m_blockedRuns.clear();
    for (const TimelineMark& mark : m_marks) {
        if (!mark.folded && mark.right - mark.left >= m_style.outlinedMinWidthPx)
            continue;
        // The columns whose centres the mark covers, as an unantialiased fillRect would paint them.
        const int begin = std::clamp(int(std::ceil(mark.left - 0.5)) - rowLeft, 0, rowWidth - 1);
        const int end = std::clamp(int(std::ceil(mark.right - 0.5)) - rowLeft, begin + 1, rowWidth);
        if (begin > lastColumn + 1)
            std::fill(row + lastColumn + 1, row + begin, QRgb(0)); // gaps stay transparent
        std::fill(row + begin, row + end, paintOf(mark, lane).premultiplied);
        firstColumn = std::min(firstColumn, begin);
        lastColumn = std::max(lastColumn, end - 1);
        if (mark.folded)
            extendRuns(m_foldedRuns, mark.left, mark.right);
        if (mark.folded && mark.blockingLoop)
            extendRuns(m_blockedRuns, mark.left, mark.right);
    }
    if (lastColumn >= firstColumn) {
        const int columns = lastColumn - firstColumn + 1;
        painter->drawImage(
            QRectF(rowLeft + firstColumn, top, columns, height), m_foldRow, QRectF(firstColumn, 0, columns, 1));
    }

    for (const TimelineMark& mark : m_marks) {
        if (!mark.folded && mark.right - mark.left >= m_style.outlinedMinWidthPx)
            fillBar(painter, QRectF(mark.left, top, mark.right - mark.left, height), paintOf(mark, lane), false,
                mark.blockingLoop);
    }
    for (const auto& [left, right] : m_foldedRuns)
        painter->fillRect(QRectF(left, top, right - left, height), foldedHatch());
    for (const auto& [left, right] : m_blockedRuns)
        markBlockedLoop(painter, QRectF(left, top, right - left, height));
}

void TimelinePlottable::drawLegendIcon(QCPPainter* painter, const QRectF& rect) const
{
    const double half = rect.width() / 2;
    drawSwatch(painter, QRectF(rect.left(), rect.top(), half, rect.height()), TaskState::Running, false);
    drawSwatch(painter, QRectF(rect.left() + half, rect.top(), half, rect.height()), TaskState::WaitingIo, false);
}

TimelinePlottable::Hit TimelinePlottable::hitTest(const QPointF& pos, double tolerancePx) const
{
    Hit hit;
    if (!m_data || !mKeyAxis || !mValueAxis)
        return hit;
    const int lane = int(std::lround(mValueAxis->pixelToCoord(pos.y())));
    if (lane < 0 || lane >= m_data->laneCount())
        return hit;

    // Vertically the pointer must be on the bar: with many thin lanes any tolerance would pick a neighbour.
    const double centrePx = mValueAxis->coordToPixel(lane);
    const double halfBarPx = std::abs(mValueAxis->coordToPixel(lane + laneBarHeight / 2) - centrePx);
    if (std::abs(pos.y() - centrePx) > std::max(halfBarPx, 0.5))
        return hit;

    const double sec = mKeyAxis->pixelToCoord(pos.x());
    const double pxPerSec = std::abs(mKeyAxis->coordToPixel(sec + 1.0) - mKeyAxis->coordToPixel(sec));
    const auto toleranceNs = std::int64_t(std::min(9e18, tolerancePx / std::max(pxPerSec, 1e-30) * 1e9));
    const std::int64_t timeNs = secondsToNs(sec, m_data->originNs());
    const Segment* segment = m_data->segmentAt(lane, timeNs, toleranceNs);
    if (!segment)
        return hit;

    double dxNs = 0.0;
    if (timeNs < segment->beginNs)
        dxNs = double(segment->beginNs - timeNs);
    else if (timeNs > segment->endNs)
        dxNs = double(timeNs - segment->endNs);
    hit.lane = lane;
    hit.segment = segment;
    hit.distancePx = dxNs * 1e-9 * pxPerSec;
    return hit;
}

double TimelinePlottable::selectTest(const QPointF& pos, bool onlySelectable, QVariant* details) const
{
    if ((onlySelectable && mSelectable == QCP::stNone) || !mKeyAxis || !mParentPlot)
        return -1;
    if (!mKeyAxis->axisRect()->rect().contains(pos.toPoint()))
        return -1;
    const Hit hit = hitTest(pos, mParentPlot->selectionTolerance());
    if (!hit.segment)
        return -1;
    if (details)
        details->setValue(hit.lane);
    return hit.distancePx;
}

QCPRange TimelinePlottable::getKeyRange(bool& foundRange, QCP::SignDomain signDomain) const
{
    foundRange = m_data && !m_data->isEmpty();
    if (!foundRange)
        return {};
    return inSignDomain(
        QCPRange(nsToSeconds(m_data->beginNs(), m_data->originNs()), nsToSeconds(m_data->endNs(), m_data->originNs())),
        signDomain, foundRange);
}

QCPRange TimelinePlottable::getValueRange(bool& foundRange, QCP::SignDomain signDomain, const QCPRange&) const
{
    // Lane bars span value (i - height / 2, i + height / 2); the key range cannot change which lanes exist.
    foundRange = m_data && m_data->laneCount() > 0;
    if (!foundRange)
        return {};
    return inSignDomain(
        QCPRange(-laneBarHeight / 2, m_data->laneCount() - 1 + laneBarHeight / 2), signDomain, foundRange);
}

} // namespace conlab
