/* src/freebsd/state.c - the FreeBSD models' per-execution state.
 *
 * The state is allocated from per-execution memory the first time an
 * execution touches a FreeBSD primitive, and the begin hook forgets the
 * previous execution's copy.  Programs that never use the models pay
 * nothing: this file is linked only when they are. */
#include <stdio.h>

#include "freebsd/bsd.h"
#include <weft/katomic.h>

static struct bsd_state *st;

/* The kernel's ticks, hz and mp_ncpus, as variables (see weft/callout.h). */
int weft_bsd_ticks;
int weft_bsd_hz = 1000;
int weft_bsd_mp_ncpus = 2;

void weft_bsd_delay_at(const struct weft_loc *loc)
{
	long long ns;

	weft_kdelay("DELAY", loc);
	/* The ticks a lone spin's round passes (a tick, and a jump past any
	 * deadline once it used up its rounds, kept below 2^30 ticks so
	 * that (ticks - deadline) comparisons stay right). */
	ns = weft__lone_clock_read();
	if (ns > 0) {
		long long n = ns / (1000000000LL / weft_bsd_hz);
		if (n > (1 << 30))
			n = 1 << 30;
		weft_bsd_ticks = (int)((unsigned)weft_bsd_ticks +
				       (unsigned)(n > 0 ? n : 1));
	}
}

/* Forget the previous execution.  Giant is reset here too, in case
 * weft's data segment is not restored between executions. */
void weft__freebsd_state_begin(void)
{
	st = NULL;
	weft_bsd_giant.m = (weft_mutex_t){ 0, 0, WEFT_MUTEX_RECURSIVE, 0,
					   "Giant", 0 };
	weft_bsd_ticks = 0;
	weft_bsd_mp_ncpus = 2;
}


struct bsd_state *weft__bsd(void)
{
	if (!st) {
		st = weft__exec_alloc(sizeof *st);
		st->ncpu = 2;
		st->max_fires = 3;
		weft_bsd_mp_ncpus = 2;
		weft_bsd_ticks = 0;
	}
	return st;
}

struct bsd_state *weft__bsd_peek(void)
{
	return st;
}

struct bsd_thread *weft__bsd_self(void)
{
	int self = weft__self();

	if (self < 0 || self >= WEFT__MAX_THREADS)
		weft__die("FreeBSD model used outside a test thread");
	return &weft__bsd()->th[self];
}

const char *weft__bsd_site(const struct weft_loc *l)
{
	if (!l || !l->file)
		return "an unknown place";
	return weft__internf("%s:%d", l->file, l->line);
}

const char *weft__bsd_fname(weft_callout_func_t *fn)
{
	if (!fn)
		return "(no handler)";
	return weft__objname((const void *)fn, "function");
}
