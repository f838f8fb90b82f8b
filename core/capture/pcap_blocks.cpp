#include "core/capture/internal/pcap_blocks.h"

namespace finwave::capture {

namespace {
constexpr std::uint32_t kSnapLength = 262144;

// Both formats are written in little-endian order; readers tell it by the magic numbers.
void le16(std::string& out, std::uint16_t v) {
    out += static_cast<char>(v & 0xff);
    out += static_cast<char>(v >> 8);
}
void le32(std::string& out, std::uint32_t v) {
    le16(out, static_cast<std::uint16_t>(v & 0xffff));
    le16(out, static_cast<std::uint16_t>(v >> 16));
}
void pad4(std::string& out) {
    while (out.size() % 4)
        out += '\0';
}
// A pcapng option: code, length, value padded to 32 bits.
void option(std::string& out, std::uint16_t code, std::string_view value) {
    le16(out, code);
    le16(out, static_cast<std::uint16_t>(value.size()));
    out.append(value);
    pad4(out);
}
// A block: type, total length, body, total length again.
void block(std::string& out, std::uint32_t type, const std::string& body) {
    const auto total = static_cast<std::uint32_t>(12 + body.size());
    le32(out, type);
    le32(out, total);
    out += body;
    le32(out, total);
}
}  // namespace

PcapBlockWriter::PcapBlockWriter(CaptureFormat format, std::uint16_t linkType) : m_format(format) {
    if (format == CaptureFormat::Pcap) {
        le32(m_out, 0xa1b2c3d4);  // microsecond timestamps
        le16(m_out, 2);
        le16(m_out, 4);
        le32(m_out, 0);  // thiszone
        le32(m_out, 0);  // sigfigs
        le32(m_out, kSnapLength);
        le32(m_out, linkType);
        return;
    }
    std::string shb;
    le32(shb, 0x1A2B3C4D);  // byte-order magic
    le16(shb, 1);
    le16(shb, 0);
    le32(shb, 0xffffffff);  // section length unknown
    le32(shb, 0xffffffff);
    option(shb, 4, "FinWave " FINWAVE_CAPTURE_VERSION " (simulated run)");  // shb_userappl
    option(shb, 0, {});
    block(m_out, 0x0A0D0D0A, shb);

    std::string idb;
    le16(idb, linkType);
    le16(idb, 0);
    le32(idb, kSnapLength);
    option(idb, 2, "finwave");  // if_name
    option(idb, 9, std::string_view("\x09", 1));  // if_tsresol: 10^-9 s
    option(idb, 0, {});
    block(m_out, 1, idb);
}

void PcapBlockWriter::addPacket(std::uint64_t ns, std::string_view data, std::string_view comment) {
    const auto length = static_cast<std::uint32_t>(data.size());
    if (m_format == CaptureFormat::Pcap) {
        const std::uint64_t us = ns / 1000;
        le32(m_out, static_cast<std::uint32_t>(us / 1'000'000));
        le32(m_out, static_cast<std::uint32_t>(us % 1'000'000));
        le32(m_out, length);
        le32(m_out, length);
        m_out.append(data);
        return;
    }
    std::string epb;
    le32(epb, 0);  // interface 0
    le32(epb, static_cast<std::uint32_t>(ns >> 32));
    le32(epb, static_cast<std::uint32_t>(ns & 0xffffffff));
    le32(epb, length);
    le32(epb, length);
    epb.append(data);
    pad4(epb);
    if (!comment.empty()) {
        option(epb, 1, comment.substr(0, 65000));  // opt_comment, UTF-8
        option(epb, 0, {});
    }
    block(m_out, 6, epb);
}

}  // namespace finwave::capture
