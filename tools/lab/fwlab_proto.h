/* fwlab_proto.h - the fixed request and reply of the port-exhaustion lab. */
#ifndef FWLAB_PROTO_H
#define FWLAB_PROTO_H

#define FWLAB_REQ "FINWAVE-LAB-REQ\n"
#define FWLAB_REP "FINWAVE-LAB-REP\n"
#define FWLAB_REQ_LEN (sizeof(FWLAB_REQ) - 1)
#define FWLAB_REP_LEN (sizeof(FWLAB_REP) - 1)

#endif
