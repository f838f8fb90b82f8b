// Where each segment's label stands (placeArrowLabels(), sequence_layout.h): along its arrow,
// clear of every other text and cross, crossing as few lines as it can, or left off.
#include "app/views/sequence/sequence_layout.h"

#include "app/views/sequence/sequence_items.h"

#include <QLineF>

#include <algorithm>
#include <deque>
#include <limits>

namespace finwave::app {

namespace {
// Whether the segment from a to b passes through r.
bool crosses(const QRectF& r, QPointF a, QPointF b) {
    // Liang-Barsky: the part of the segment inside each pair of r's edges, narrowed edge by edge;
    // written out because Qt has no segment-rectangle test and four QLineF intersections per
    // place were most of the placing of a dense run's labels.
    double t0 = 0, t1 = 1;
    const double dx = b.x() - a.x(), dy = b.y() - a.y();
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {a.x() - r.left(), r.right() - a.x(), a.y() - r.top(), r.bottom() - a.y()};
    for (int k = 0; k < 4; ++k) {
        if (p[k] == 0) {
            if (q[k] < 0)
                return false;  // parallel to this edge and outside it
            continue;
        }
        const double t = q[k] / p[k];
        if (p[k] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1)
            return false;
    }
    return true;
}

using Slot = SegmentArrow::LabelSlot;
// Beside the sender first (where the eye looks for it), then the middle, then beside the
// receiver; above before below; a line further away last.
constexpr Slot kSlots[] = {{0, false, 0}, {0, true, 0},   {0.5, false, 0}, {0.5, true, 0}, {1, false, 0}, {1, true, 0},
                           {0, false, 1}, {0, true, 1},   {0.5, false, 1}, {0.5, true, 1}, {1, false, 1}, {1, true, 1}};
constexpr double kNear = 400;  // only arrows leaving within this many pixels can meet a label
constexpr std::size_t kLineNeighbours = 16;  // arrows either side whose lines a label avoids crossing
}  // namespace

void placeArrowLabels(const std::vector<SegmentArrow*>& arrows, std::size_t first, const std::vector<QRectF>& obstacles) {
    const std::size_t n = arrows.size();
    // The labels written so far that leave within kNear above the arrow being placed, oldest
    // first: found once by looking back from `first`, then kept as the arrows are placed, so a
    // dense run (a burst whose labels are mostly left off) stays linear.
    std::deque<const SegmentArrow*> written;
    if (first < n) {
        const double y0 = arrows[first]->from().y();
        for (std::size_t j = first; j > 0 && arrows[j - 1]->from().y() > y0 - kNear; --j)
            if (arrows[j - 1]->labelShown())
                written.push_front(arrows[j - 1]);
    }
    std::vector<QRectF> hard;
    std::vector<const SegmentArrow*> lines;
    const SegmentArrow* failed = nullptr;  // the last arrow left off for want of a place
    std::size_t writtenChanges = 0;        // labels written, or gone out of reach, so far
    std::size_t failedChanges = 0;         // and then
    std::vector<QRectF> failedCrosses, crossesNear;
    for (std::size_t i = first; i < n; ++i) {
        SegmentArrow* a = arrows[i];
        if (!a->labelShown())  // left off, it stays off: no label appears or hops as the run plays on
            continue;
        const double y = a->from().y();
        // The neighbours: arrows leaving near it (in time order, bar an old duplicate's copy).
        std::size_t lo = i;
        while (lo > 0 && i - lo < 64 && arrows[lo - 1]->from().y() > y - kNear)
            --lo;
        std::size_t hi = i + 1;
        while (hi < n && hi - i < 64 && arrows[hi]->from().y() < y + kNear)
            ++hi;
        // The labels written before it nearby: the last 64 of them, also past the 64 arrows
        // before it when a burst's labels were left off.
        while (!written.empty() && written.front()->from().y() <= y - kNear) {
            written.pop_front();
            ++writtenChanges;
        }
        const auto recent = written.end() - static_cast<std::ptrdiff_t>(std::min<std::size_t>(written.size(), 64));
        crossesNear.clear();  // the crosses of lost segments near, its own too
        for (std::size_t j = lo; j < hi; ++j)
            if (const QRectF cross = arrows[j]->crossRect(); !cross.isNull())
                crossesNear.push_back(cross);
        // A row where as many labels stand as it has places (a burst of small segments sent at
        // once) has no room for more: the rest are left off at once, without trying each place.
        const double band = a->labelRectAt(a->labelSlot()).height() * 2;
        const auto shownNear = std::count_if(recent, written.end(),
                                             [&](const SegmentArrow* b) { return b->from().y() > y - band; });
        if (static_cast<std::size_t>(shownNear) >= std::size(kSlots)) {
            a->setLabelShown(false);
            continue;
        }
        // The arrow before it found no place, has this one's places, and what stood in its way
        // still stands (no label written since, the same crosses near): no place here either. In
        // a burst whose row has fewer places than slots, each arrow tried all of them in vain.
        // (Its slot is left as it was, where the search would have moved it to its least bad
        // place: a label left off never shows again, so the slot of one is never read.)
        const auto sameRect = [](const QRectF& r, const QRectF& s) {
            return r.x() == s.x() && r.y() == s.y() && r.width() == s.width() && r.height() == s.height();
        };
        if (failed && failed->hasLabelPlacesOf(*a) && failedChanges == writtenChanges &&
            std::equal(failedCrosses.begin(), failedCrosses.end(), crossesNear.begin(), crossesNear.end(), sameRect)) {
            a->setLabelShown(false);
            continue;
        }
        // What a label must not meet (texts written before it, crosses, row texts), and the lines
        // it had better not cross: the nearest kLineNeighbours arrows either side, a preference
        // only, so a burst of hundreds of parallel arrows is not tried line by line for each place.
        hard.clear();
        for (auto b = recent; b != written.end(); ++b)
            hard.push_back((*b)->labelRect());
        hard.insert(hard.end(), crossesNear.begin(), crossesNear.end());
        lines.clear();
        for (std::size_t j = std::max(lo, i >= kLineNeighbours ? i - kLineNeighbours : 0); j < std::min(hi, i + kLineNeighbours + 1); ++j)
            if (j != i)
                lines.push_back(arrows[j]);
        // What a place costs: 1000 for each text or cross it meets, 1 for each line it crosses;
        // counting stops at `limit` (a place already no better than the best one found).
        const auto cost = [&](const Slot& slot, double limit) {
            const QRectF r = a->labelRectAt(slot);
            double c = 0;
            for (const QRectF& o : hard)
                if (o.intersects(r) && (c += 1000) >= limit)
                    return c;
            for (const QRectF& o : obstacles)
                if (o.intersects(r) && (c += 1000) >= limit)
                    return c;
            for (const SegmentArrow* b : lines)
                if (crosses(r, b->from(), b->to()) && (c += 1) >= limit)
                    return c;
            return c;
        };
        // The place it has, while nothing is in its way, so a label does not hop as the run plays.
        if (cost(a->labelSlot(), 0.5) == 0) {
            a->setLabelShown(true);
            written.push_back(a);
            ++writtenChanges;
            continue;
        }
        Slot best = a->labelSlot();
        double bestCost = cost(best, std::numeric_limits<double>::infinity()) - 0.5;
        for (const Slot& slot : kSlots) {
            const double c = cost(slot, bestCost);
            if (c < bestCost) {
                best = slot;
                bestCost = c;
            }
            if (c == 0)
                break;
        }
        a->setLabelSlot(best);
        // With no place that is clear of every other text, the label is left off rather than
        // written over one: the arrow keeps it as its tooltip.
        a->setLabelShown(bestCost < 1000 - 0.5);
        if (a->labelShown()) {
            written.push_back(a);
            ++writtenChanges;
        } else {
            failed = a;
            failedChanges = writtenChanges;
            failedCrosses = crossesNear;
        }
    }
}

}  // namespace finwave::app
