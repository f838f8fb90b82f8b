#include "core/protocol/trace.h"

namespace finwave {

SegmentRecords segmentRecords(const Trace& trace, std::size_t i) {
    SegmentRecords out;
    if (i >= trace.size())
        return out;
    const TraceRecord& r = trace[i];
    const bool flight = r.kind == EventKind::Send || r.kind == EventKind::Arrive || r.kind == EventKind::Drop;
    if (!flight || !r.hasSegment)
        return out;
    const std::uint32_t id = r.seg.id;
    if (r.kind == EventKind::Send) {
        out.send = i;
        for (std::size_t k = i + 1; k < trace.size(); ++k) {
            const TraceRecord& e = trace[k];
            if (e.hasSegment && e.seg.id == id && (e.kind == EventKind::Arrive || e.kind == EventKind::Drop) &&
                e.reason != Reason::DuplicateDelivered) {
                out.end = k;
                break;
            }
        }
        return out;
    }
    out.end = i;
    for (std::size_t k = i; k-- > 0;)
        if (trace[k].kind == EventKind::Send && trace[k].hasSegment && trace[k].seg.id == id) {
            out.send = k;
            break;
        }
    return out;
}

}  // namespace finwave

namespace finwave {

long long returnValue(const TraceRecord& r) {
    if (r.error != SocketError::None)
        return -1;
    return r.call == SocketCall::Read || r.call == SocketCall::Write ? static_cast<long long>(r.bytes) : 0;
}

}  // namespace finwave
