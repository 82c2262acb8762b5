/* src/pthread/chan_clock.c - happens-before through the in-process
 * channels (chan.c), per channel and direction, as in the kernel: a write
 * releases the writer's clock with its bytes, and a read acquires what
 * the writes of the bytes it got released.  A direction keeps the
 * cumulative clocks of its last WEFT__CHAN_SEGS writes; a read of bytes
 * older than those acquires the oldest kept, which orders a little more
 * than it should.  A close of a write end (or a shutdown) releases what
 * a read of the end of the file acquires; a poll that finds a channel
 * readable acquires what its bytes carry (the read after it would). */
#include "pthread/pt.h"
#include "pthread/chan.h"

/* What a direction counts: bytes, or a socket pair's datagrams (each
 * write one, each read one). */
static uint64_t units(const struct weft__chan *c, size_t n)
{
	return c->kind == WEFT__CHAN_DGRAM ? n > 0 : n;
}

/* The k-th kept write of d, oldest first; the newest is k = nseg - 1. */
static struct weft__chan_seg *seg_at(struct weft__chan_dir *d, int k)
{
	return &d->seg[(d->first + k) % WEFT__CHAN_SEGS];
}

/* A write of n bytes (0: a close) by the calling thread: its clock goes
 * with them, and its later accesses are a new epoch, not ordered before
 * what acquires this. */
void weft__chan_release(const struct weft__chan_fd *r, size_t n)
{
	struct weft__chan_dir *d = &weft__chan_of(r)->dir[r->wdir];
	int self = weft__self(), nt = weft__nthreads();
	const uint32_t *vc = weft__vc(self);
	const struct weft__chan_seg *prev =
		d->nseg ? seg_at(d, d->nseg - 1) : NULL;
	struct weft__chan_seg *s;

	if (d->nseg == WEFT__CHAN_SEGS) {
		d->first = (d->first + 1) % WEFT__CHAN_SEGS;
		d->nseg--;
	}
	s = seg_at(d, d->nseg);
	d->nseg++;
	d->written += units(weft__chan_of(r), n);
	/* (The slot reused when the ring is full is the oldest, never
	 * prev, the newest.) */
	for (int i = 0; i < nt; i++) {
		uint32_t a = prev && i < prev->n ? prev->clk[i] : 0;
		s->clk[i] = a > vc[i] ? a : vc[i];
	}
	s->n = nt;
	s->end = d->written;
	weft__vc_tick(self);
}

/* A read that got got bytes (eof: the end of the file; peek: MSG_PEEK,
 * which leaves them there) acquires the clock of the write of its last
 * byte, which includes the earlier ones; at the end of the file, the
 * newest, a close's (which ends at the same byte as the write before
 * it: the first kept write that reached the end, taken before, missed
 * what the closer did between its last write and its close). */
void weft__chan_acquire(const struct weft__chan_fd *r, size_t got, bool eof,
			bool peek)
{
	const struct weft__chan *c = weft__chan_of(r);
	struct weft__chan_dir *d = &weft__chan_of(r)->dir[r->rdir];
	const struct weft__chan_seg *s = NULL;
	uint64_t upto;

	/* An eventfd's count is read whole (or one unit of it, in its
	 * semaphore mode): the read takes everything written so far. */
	if (eof || c->kind == WEFT__CHAN_EVENT)
		upto = d->written;
	else
		upto = d->read + units(c, got);
	if (upto > d->written)
		upto = d->written;
	if (!peek)
		d->read = upto;
	if (!d->nseg || (!got && !eof))
		return;
	for (int k = 0; k < d->nseg && !s && !eof; k++)
		if (seg_at(d, k)->end >= upto)
			s = seg_at(d, k);
	if (!s)
		s = seg_at(d, d->nseg - 1);
	weft__vc_acquire(weft__self(), s->clk, s->n);
}

/* poll, select or epoll found fd readable: what its bytes carry is
 * ordered before what the thread does next, as the kernel's wait queue
 * orders it (a loop that handles the job and then drains the wake-up):
 * all that was written, taken as at the end of the file, but left. */
void weft__pt_chan_seen(int fd)
{
	const struct weft__chan_fd *r = weft__chan_rec(fd);

	if (r)
		weft__chan_acquire(r, 0, true, true);
}
