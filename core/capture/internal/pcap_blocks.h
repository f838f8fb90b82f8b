#pragma once
// The container formats around packets: pcapng (draft-ietf-opsawg-pcapng: section header,
// interface description with if_tsresol = 9 for nanoseconds, enhanced packet blocks with
// opt_comment) and classic pcap (microsecond timestamps, no comments). Written by hand: Debian 12's
// libpcap 1.10 writes only classic pcap and no comments.

#include "core/capture/capture_writer.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace finwave::capture {

inline constexpr std::uint16_t kLinkEthernet = 1;  // LINKTYPE_ETHERNET
inline constexpr std::uint16_t kLinkRaw = 101;     // LINKTYPE_RAW: the packet starts at the IP header

class PcapBlockWriter {
public:
    PcapBlockWriter(CaptureFormat format, std::uint16_t linkType);
    // `ns`: nanoseconds since 1970. `comment` is dropped in classic pcap.
    void addPacket(std::uint64_t ns, std::string_view data, std::string_view comment);
    std::string take() { return std::move(m_out); }

private:
    CaptureFormat m_format;
    std::string m_out;
};

}  // namespace finwave::capture
