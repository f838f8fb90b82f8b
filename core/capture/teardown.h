#pragma once
// How a reconstructed connection ended, as codes the app puts into translated words.

#include "core/capture/reconstruct.h"

#include <string>

namespace finwave::capture {

enum class TeardownKind : std::uint8_t {
    FourWay,       // FIN, ACK, FIN, ACK
    ThreeSegment,  // FIN, FIN+ACK, ACK: the second FIN carries the ACK of the first
    Simultaneous,  // both FINs sent before either arrived: both ends pass CLOSING
    Abortive,      // a RST ended it
    StillOpen,     // the capture ends before the close does
};

// What came before a RST.
enum class ResetAfter : std::uint8_t { Nothing, Data, OwnFin, PeerFin, BothFins };

struct Teardown {
    TeardownKind kind = TeardownKind::StillOpen;
    Side resetBy = Side::A;
    ResetAfter resetAfter = ResetAfter::Nothing;
    bool halfCloseData = false;    // data flowed after the first FIN
    bool retransmittedFin = false;
    bool finalAckMissing = false;  // the last FIN's ACK is not in the capture
    bool finalAckLost = false;     // an ACK of the last FIN was sent and lost: the FIN was resent
    TcpState endA = TcpState::Closed, endB = TcpState::Closed;  // at the last captured packet
};

Teardown classifyTeardown(const Reconstruction& r);
// English, for the command line: "four-way close; retransmitted FIN".
std::string teardownSentence(const Teardown& t);

}  // namespace finwave::capture
