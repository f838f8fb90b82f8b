#pragma once
// One captured frame to a TCP segment: the link header (by libpcap's DLT), IPv4 (RFC 791) or IPv6
// (RFC 8200, skipping extension headers), then the TCP header (RFC 9293 §3.1). Bounds are checked
// against the captured length at every step; nothing is read past it.

#include "core/capture/capture_reader.h"

#include <cstdint>

namespace finwave::capture {

enum class DecodeStatus {
    Tcp,          // `out` holds the segment
    NotTcp,       // another protocol, a later IP fragment, or a frame too short for its IP header
    CutHeader,    // the TCP header is cut by the snapshot length
    BadHeader,    // a TCP data offset below 5 or an IP length shorter than its headers
};

// Whether libpcap's link type is one this reader decodes.
bool isSupportedLinkType(int dlt);
DecodeStatus decodeFrame(int dlt, const std::uint8_t* data, std::uint32_t caplen, WireSegment& out);

}  // namespace finwave::capture
