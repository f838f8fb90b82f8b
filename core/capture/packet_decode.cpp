#include "core/capture/internal/packet_decode.h"

#include <pcap/dlt.h>

#include <algorithm>

namespace finwave::capture {

namespace {
constexpr std::uint16_t kEtherIpv4 = 0x0800;
constexpr std::uint16_t kEtherIpv6 = 0x86DD;
constexpr std::uint16_t kEtherVlan = 0x8100;
constexpr std::uint16_t kEtherQinQ = 0x88A8;
constexpr std::uint8_t kProtoTcp = 6;
constexpr int kLinkTypeRaw = 101;  // LINKTYPE_RAW as some files carry it unmapped

std::uint16_t be16(const std::uint8_t* p) { return static_cast<std::uint16_t>(p[0] << 8 | p[1]); }
std::uint32_t be32(const std::uint8_t* p) {
    return static_cast<std::uint32_t>(p[0]) << 24 | static_cast<std::uint32_t>(p[1]) << 16 |
           static_cast<std::uint32_t>(p[2]) << 8 | p[3];
}

// Where the IP header starts and which version it claims; false for another protocol.
bool linkPayload(int dlt, const std::uint8_t* d, std::uint32_t n, std::uint32_t& offset) {
    std::uint16_t type = 0;
    switch (dlt) {
    case DLT_EN10MB: {
        offset = 14;
        if (n < offset)
            return false;
        type = be16(d + 12);
        while ((type == kEtherVlan || type == kEtherQinQ) && n >= offset + 4) {  // IEEE 802.1Q tags
            type = be16(d + offset + 2);
            offset += 4;
        }
        return type == kEtherIpv4 || type == kEtherIpv6;
    }
    case DLT_LINUX_SLL:  // 16-byte cooked header, protocol last
        offset = 16;
        return n >= offset && (be16(d + 14) == kEtherIpv4 || be16(d + 14) == kEtherIpv6);
    case DLT_LINUX_SLL2:  // 20-byte cooked header, protocol first
        offset = 20;
        return n >= offset && (be16(d) == kEtherIpv4 || be16(d) == kEtherIpv6);
    case DLT_NULL:  // 4-byte address family, host order of the capturing machine
    case DLT_LOOP:  // the same in network order; the IP version nibble tells IPv4 from IPv6
        offset = 4;
        return n > offset;
    case DLT_RAW:
    case kLinkTypeRaw:
    case DLT_IPV4:
    case DLT_IPV6:
        offset = 0;
        return n > 0;
    default:
        return false;
    }
}

// The TCP options (RFC 9293 §3.2): each is kind, length, value, but for end-of-list (0) and NOP (1).
// A malformed or unknown one ends the reading; what was read before it stays.
void decodeOptions(const std::uint8_t* p, std::uint32_t n, WireSegment& out) {
    out.options = 0;
    out.opts = {};
    out.linuxOrder = false;
    std::uint8_t first = 0, last = 0;  // the first and last kinds other than NOP
    const auto noteOrder = [&] {
        out.linuxOrder = first == 2 && last == 3;
    };
    for (std::uint32_t i = 0; i < n;) {
        const std::uint8_t kind = p[i];
        if (kind == 0)
            return noteOrder();
        if (kind == 1) {
            ++i;
            continue;
        }
        if (i + 1 >= n || p[i + 1] < 2 || i + p[i + 1] > n)
            return noteOrder();
        first = first ? first : kind;
        last = kind;
        const std::uint8_t len = p[i + 1];
        const std::uint8_t* v = p + i + 2;
        if (kind == 2 && len == 4) {
            out.options |= option::Mss;
            out.opts.mss = be16(v);
        } else if (kind == 3 && len == 3) {
            out.options |= option::WindowScale;
            out.opts.windowScale = v[0];
        } else if (kind == 4 && len == 2) {
            out.options |= option::SackPermitted;
        } else if (kind == 5 && len >= 10 && (len - 2) % 8 == 0) {
            out.options |= option::Sack;
            out.opts.sackLeft = be32(v);
            out.opts.sackRight = be32(v + 4);
        } else if (kind == 8 && len == 10) {
            out.options |= option::Timestamps;
            out.opts.tsVal = be32(v);
            out.opts.tsEcr = be32(v + 4);
        }
        i += len;
    }
    noteOrder();
}
}  // namespace

bool isSupportedLinkType(int dlt) {
    switch (dlt) {
    case DLT_EN10MB:
    case DLT_LINUX_SLL:
    case DLT_LINUX_SLL2:
    case DLT_NULL:
    case DLT_LOOP:
    case DLT_RAW:
    case kLinkTypeRaw:
    case DLT_IPV4:
    case DLT_IPV6:
        return true;
    default:
        return false;
    }
}

DecodeStatus decodeFrame(int dlt, const std::uint8_t* d, std::uint32_t n, WireSegment& out) {
    std::uint32_t ip = 0;
    if (!linkPayload(dlt, d, n, ip) || ip >= n)
        return DecodeStatus::NotTcp;
    const int version = d[ip] >> 4;
    std::uint32_t tcp = 0;
    std::uint32_t ipPayloadEnd = 0;  // from the IP length fields: where the TCP segment ends
    if (version == 4) {
        if (n < ip + 20)
            return DecodeStatus::NotTcp;
        const std::uint32_t ihl = (d[ip] & 0x0f) * 4u;
        std::uint32_t total = be16(d + ip + 2);
        // A sender that leaves segmentation to its card (TSO) is captured before the card, with a
        // total length of 0: the length is the frame's then, as Wireshark reads it.
        if (total == 0)
            total = n - ip;
        if (d[ip + 9] != kProtoTcp || (be16(d + ip + 6) & 0x1fff) != 0)  // not TCP, or a later fragment
            return DecodeStatus::NotTcp;
        if (ihl < 20 || total < ihl)
            return DecodeStatus::BadHeader;
        out.from.address = Address{};
        out.to.address = Address{};
        std::copy(d + ip + 12, d + ip + 16, out.from.address.bytes.begin());
        std::copy(d + ip + 16, d + ip + 20, out.to.address.bytes.begin());
        tcp = ip + ihl;
        ipPayloadEnd = ip + total;
    } else if (version == 6) {
        if (n < ip + 40)
            return DecodeStatus::NotTcp;
        std::uint8_t next = d[ip + 6];
        out.from.address = Address{true, {}};
        out.to.address = Address{true, {}};
        std::copy(d + ip + 8, d + ip + 24, out.from.address.bytes.begin());
        std::copy(d + ip + 24, d + ip + 40, out.to.address.bytes.begin());
        ipPayloadEnd = ip + 40 + be16(d + ip + 4);
        tcp = ip + 40;
        // Extension headers (RFC 8200 §4): hop-by-hop, routing, destination options; a fragment
        // header is followed only when it is the first fragment.
        for (int hops = 0; next != kProtoTcp; ++hops) {
            if (hops > 8 || n < tcp + 8)
                return DecodeStatus::NotTcp;
            if (next == 0 || next == 43 || next == 60) {
                next = d[tcp];
                tcp += (d[tcp + 1] + 1u) * 8u;
            } else if (next == 44) {
                if ((be16(d + tcp + 2) & 0xfff8) != 0)
                    return DecodeStatus::NotTcp;
                next = d[tcp];
                tcp += 8;
            } else {
                return DecodeStatus::NotTcp;
            }
        }
    } else {
        return DecodeStatus::NotTcp;
    }
    if (ipPayloadEnd < tcp + 20 && tcp + 20 <= n)
        return DecodeStatus::BadHeader;
    if (n < tcp + 20)
        return DecodeStatus::CutHeader;
    const std::uint32_t dataOffset = (d[tcp + 12] >> 4) * 4u;
    if (dataOffset < 20 || ipPayloadEnd < tcp + dataOffset)
        return DecodeStatus::BadHeader;
    if (n < tcp + dataOffset)
        return DecodeStatus::CutHeader;
    out.from.port = be16(d + tcp);
    out.to.port = be16(d + tcp + 2);
    out.seq = be32(d + tcp + 4);
    out.ack = be32(d + tcp + 8);
    out.flags = d[tcp + 13] & 0x1f;
    out.window = be16(d + tcp + 14);
    out.length = ipPayloadEnd - tcp - dataOffset;
    decodeOptions(d + tcp + 20, dataOffset - 20, out);
    return DecodeStatus::Tcp;
}

}  // namespace finwave::capture
