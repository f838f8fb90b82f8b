#include "core/capture/packet_bytes.h"

#include <vector>

namespace finwave::capture {

namespace {
constexpr std::size_t kIpHeader = 20;
constexpr std::uint8_t kTtl = 64;
constexpr std::uint8_t kProtoTcp = 6;

void put16(std::uint8_t* p, std::uint16_t v) {
    p[0] = static_cast<std::uint8_t>(v >> 8);
    p[1] = static_cast<std::uint8_t>(v);
}
void put32(std::uint8_t* p, std::uint32_t v) {
    put16(p, static_cast<std::uint16_t>(v >> 16));
    put16(p + 2, static_cast<std::uint16_t>(v));
}

std::uint32_t sumWords(const std::uint8_t* data, std::size_t size, std::uint32_t sum) {
    std::size_t i = 0;
    for (; i + 1 < size; i += 2)
        sum += static_cast<std::uint32_t>(data[i] << 8 | data[i + 1]);
    if (i < size)
        sum += static_cast<std::uint32_t>(data[i] << 8);
    return sum;
}
}  // namespace

std::uint16_t internetChecksum(const std::uint8_t* data, std::size_t size, std::uint32_t initial) {
    std::uint32_t sum = sumWords(data, size, initial);
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return static_cast<std::uint16_t>(~sum);
}

std::vector<std::uint8_t> optionBytes(const Segment& seg, const SegmentOptions& o) {
    std::vector<std::uint8_t> b;
    const auto u16 = [&b](std::uint16_t v) {
        b.push_back(static_cast<std::uint8_t>(v >> 8));
        b.push_back(static_cast<std::uint8_t>(v));
    };
    const auto u32 = [&u16](std::uint32_t v) {
        u16(static_cast<std::uint16_t>(v >> 16));
        u16(static_cast<std::uint16_t>(v));
    };
    constexpr std::uint8_t kNop = 1, kMss = 2, kWs = 3, kSackPerm = 4, kSack = 5, kTs = 8;
    if (seg.carries(option::Mss)) {
        b.insert(b.end(), {kMss, 4});
        u16(o.mss);
    }
    const bool ts = seg.carries(option::Timestamps), sackPerm = seg.carries(option::SackPermitted);
    if (ts) {
        if (sackPerm)
            b.insert(b.end(), {kSackPerm, 2, kTs, 10});
        else
            b.insert(b.end(), {kNop, kNop, kTs, 10});
        u32(o.tsVal);
        u32(o.tsEcr);
    } else if (sackPerm) {
        b.insert(b.end(), {kNop, kNop, kSackPerm, 2});
    }
    if (seg.carries(option::WindowScale))
        b.insert(b.end(), {kNop, kWs, 3, o.windowScale});
    if (seg.carries(option::Sack)) {
        b.insert(b.end(), {kNop, kNop, kSack, 10});
        u32(o.sackLeft);
        u32(o.sackRight);
    }
    return b;
}

void appendPacket(std::string& out, const Host& from, const Host& to, std::uint16_t ipId,
                  const TcpFields& tcp, bool ethernet) {
    const std::size_t tcpHeader = 20 + tcp.options.size();
    const std::size_t tcpLength = tcpHeader + tcp.payloadLength;
    const std::size_t ethLength = ethernet ? 14 : 0;
    std::vector<std::uint8_t> p(ethLength + kIpHeader + tcpLength, 0);
    if (ethernet) {
        std::copy(to.mac.begin(), to.mac.end(), p.begin());
        std::copy(from.mac.begin(), from.mac.end(), p.begin() + 6);
        put16(&p[12], 0x0800);  // EtherType IPv4
    }
    // IPv4 header, RFC 791 §3.1: version 4, IHL 5, DF set, no options.
    std::uint8_t* ip = &p[ethLength];
    ip[0] = 0x45;
    put16(ip + 2, static_cast<std::uint16_t>(kIpHeader + tcpLength));
    put16(ip + 4, ipId);
    put16(ip + 6, 0x4000);
    ip[8] = kTtl;
    ip[9] = kProtoTcp;
    std::copy(from.ip.begin(), from.ip.end(), ip + 12);
    std::copy(to.ip.begin(), to.ip.end(), ip + 16);
    put16(ip + 10, internetChecksum(ip, kIpHeader));

    // TCP header, RFC 9293 §3.1.
    std::uint8_t* t = ip + kIpHeader;
    put16(t, from.port);
    put16(t + 2, to.port);
    put32(t + 4, tcp.seq);
    put32(t + 8, (tcp.flags & 0x10) ? tcp.ack : 0);
    t[12] = static_cast<std::uint8_t>((tcpHeader / 4) << 4);
    t[13] = tcp.flags;
    put16(t + 14, tcp.window);
    std::copy(tcp.options.begin(), tcp.options.end(), t + 20);  // RFC 9293 §3.2
    // Pseudo-header of RFC 9293 §3.1: source, destination, zero, protocol, TCP length.
    std::uint32_t pseudo = 0;
    pseudo = sumWords(ip + 12, 8, pseudo);
    pseudo += kProtoTcp;
    pseudo += static_cast<std::uint32_t>(tcpLength);
    put16(t + 16, internetChecksum(t, tcpLength, pseudo));
    out.append(reinterpret_cast<const char*>(p.data()), p.size());
}

}  // namespace finwave::capture
