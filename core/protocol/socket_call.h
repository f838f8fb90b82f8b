#pragma once
// What an application sees: the socket calls it makes and what each returns (RFC 9293 §3.10 names
// the user calls OPEN, SEND, RECEIVE, CLOSE, ABORT; the return values and errno names are those of
// the Linux socket API, which docs/protocol.md tabulates with the kernel function behind each).

#include <cstdint>
#include <string_view>

namespace finwave {

enum class SocketCall : std::uint8_t { None, Connect, Listen, Accept, Write, Read, Shutdown, Close };
// The errno a failed call returns; None when it succeeded.
enum class SocketError : std::uint8_t {
    None,
    Epipe,          // write after this end's FIN (shutdown or close) or on a closed socket
    Econnreset,     // the peer reset the connection (reported once, then EPIPE on write, 0 on read)
    Econnrefused,   // a RST answered our SYN
    Etimedout,      // retransmissions gave up, or the user timeout expired
    Enotconn,       // read or shutdown on a socket that never connected
    Eisconn,        // connect on a socket already connected
    Einval,         // listen on a socket that is not closed
    Eaddrnotavail,  // connect to a 4-tuple still in TIME_WAIT at the peer-facing end
    Ebadf,          // a call after this application's close(): the descriptor is gone
};

std::string_view socketCallName(SocketCall c);    // "connect", "listen", ..., "" for None
std::string_view socketErrorName(SocketError e);  // "EPIPE", ..., "" for None

}  // namespace finwave
