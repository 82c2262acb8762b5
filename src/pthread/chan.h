/* src/pthread/chan.h - the records of the in-process channels, private
 * to chan.c (the calls) and chan_clock.c (their happens-before). */
#ifndef WEFT_PTHREAD_CHAN_H
#define WEFT_PTHREAD_CHAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "internal.h"

#define WEFT__CHAN_FDS 1024
#define WEFT__CHANS 64
#define WEFT__CHAN_SEGS 4

enum weft__chan_kind {
	WEFT__CHAN_PIPE,
	WEFT__CHAN_STREAM, /* a socket pair of SOCK_STREAM */
	WEFT__CHAN_DGRAM,  /* of datagrams */
	WEFT__CHAN_EVENT,
};

/* The cumulative clock of the writes whose bytes end before end. */
struct weft__chan_seg {
	uint64_t end;
	int n; /* meaningful entries of clk */
	weft__vclock clk;
};

/* One direction of a channel: bytes written and read so far, and the
 * clocks of the last WEFT__CHAN_SEGS writes, oldest at first. */
struct weft__chan_dir {
	uint64_t written, read;
	int first, nseg;
	struct weft__chan_seg seg[WEFT__CHAN_SEGS];
};

/* A channel, in use in execution gen while nfd of the program's
 * descriptors name it (a slot is taken again once all are closed). */
struct weft__chan {
	long gen;
	int nfd;
	enum weft__chan_kind kind;
	struct weft__chan_dir dir[2];
};

/* What a descriptor of the program is: a channel of this execution when
 * gen is the execution's and chan is not 0 (its index + 1); wr: a write
 * end (a pipe's read end writes nothing). */
struct weft__chan_fd {
	long gen;
	uint8_t chan, wdir, rdir;
	bool wr;
	bool closed; /* a channel's, closed in execution gen */
};

/* The record of channel descriptor fd of this execution, or NULL (none,
 * or outside a test thread); the channel a record names.  Neither
 * blocks. */
struct weft__chan_fd *weft__chan_rec(int fd);
struct weft__chan *weft__chan_of(const struct weft__chan_fd *r);
/* The calling thread wrote n bytes through r (0: closed a write end):
 * its clock goes with them (chan_clock.c). */
void weft__chan_release(const struct weft__chan_fd *r, size_t n);
/* The calling thread read got bytes through r (eof: the end of the
 * file; peek: MSG_PEEK, which leaves them): it acquires the clock of the
 * write of the last of them. */
void weft__chan_acquire(const struct weft__chan_fd *r, size_t got, bool eof,
			bool peek);

#endif
