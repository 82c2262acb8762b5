/* src/explore/odpor_level.c - what the DPOR strategy (odpor.c) keeps for
 * each decision of the path: the step taken, the alternatives explored
 * there (its done set) and the threads asleep there (its sleep set, built
 * from the decision before). */
#include <stdlib.h>
#include <string.h>

#define WEFT__ODPOR_OWN /* its short names, odpor.h */
#include "odpor.h"

struct level *weft__odpor_lv;
struct step_info *weft__odpor_steps;
long weft__odpor_lv_cap;     /* capacity of lv and steps */
struct ev *weft__odpor_sleepbuf;
long weft__odpor_sleepused;
static long sleepcap;

static void *grow(void *p, size_t n)
{
	void *q = realloc(p, n);

	if (!q)
		weft__die("out of memory in the DPOR explorer");
	return q;
}

void weft__odpor_ensure_cap(long d)
{
	if (d < cap)
		return;
	long ncap = cap ? cap * 2 : 1024;
	while (ncap <= d)
		ncap *= 2;
	lv = grow(lv, sizeof *lv * (size_t)ncap);
	weft__odpor_steps = grow(weft__odpor_steps,
				 sizeof *weft__odpor_steps * (size_t)ncap);
	memset(lv + cap, 0, sizeof *lv * (size_t)(ncap - cap));
	cap = ncap;
}

void weft__odpor_add_done(long d, const struct ev *e)
{
	struct level *l = &lv[d];

	if (l->ndone == l->capdone) {
		l->capdone = l->capdone ? l->capdone * 2 : 4;
		l->done = grow(l->done, sizeof *l->done * (size_t)l->capdone);
	}
	l->done[l->ndone++] = *e;
}

struct sleepset weft__odpor_sleep_at(long d)
{
	struct ev *buf;
	int n = 0;

	/* Asleep there, and explored there (the algorithm's sleep(E)). */
	if (sleepused + lv[d].nsleep + lv[d].ndone > sleepcap) {
		sleepcap = (sleepused + lv[d].nsleep + lv[d].ndone + 64) * 2;
		sleepbuf = grow(sleepbuf, sizeof *sleepbuf * (size_t)sleepcap);
	}
	if (lv[d].nsleep + lv[d].ndone == 0)
		return (struct sleepset){ NULL, 0 };
	buf = sleepbuf + sleepused;
	if (lv[d].nsleep)
		memmove(buf, sleepbuf + lv[d].sleep_off,
			sizeof *buf * (size_t)lv[d].nsleep);
	n = lv[d].nsleep;
	if (lv[d].ndone)
		memcpy(buf + n, lv[d].done, sizeof *buf * (size_t)lv[d].ndone);
	n += lv[d].ndone;
	return (struct sleepset){ buf, n };
}

/* Sleep set at decision d: what slept at d-1 or was explored there,
 * except the step taken and what depends on it. */
void weft__odpor_compute_sleep(long d)
{
	struct level *l = &lv[d];

	l->sleep_off = sleepused;
	l->nsleep = 0;
	if (d == 0)
		return;
	const struct ev *taken = &weft__odpor_steps[d - 1].ev;
	const struct level *p = &lv[d - 1];
	int need = p->nsleep + p->ndone;
	if (sleepused + need > sleepcap) {
		sleepcap = (sleepused + need + 64) * 2;
		sleepbuf = grow(sleepbuf, sizeof *sleepbuf * (size_t)sleepcap);
	}
	for (int k = 0; k < need; k++) {
		const struct ev *q = k < p->nsleep ? &sleepbuf[p->sleep_off + k]
						   : &p->done[k - p->nsleep];
		if (q->key == taken->key || weft__ev_sleeper_dependent(q, taken))
			continue;
		sleepbuf[sleepused + l->nsleep++] = *q;
	}
	sleepused += l->nsleep;
}

/* The entries at decision d name threads that are there (the path up to
 * d is the same in every execution that reaches it), by key: a record
 * reused since may hold another thread by the time the set is read. */
static void add_key(weft__tset *m, int key)
{
	int tid = weft__thread_of_key(key);

	if (tid >= 0)
		weft__ts_add(m, tid);
}

weft__tset weft__odpor_asleep(long d)
{
	weft__tset m = weft__ts_none();

	for (int k = 0; k < lv[d].nsleep; k++)
		add_key(&m, sleepbuf[lv[d].sleep_off + k].key);
	return m;
}

weft__tset weft__odpor_done_tids(long d)
{
	weft__tset m = weft__ts_none();

	for (int k = 0; k < lv[d].ndone; k++)
		add_key(&m, lv[d].done[k].key);
	return m;
}

/* Whether the choice of thread key with value v is a child of node p, or
 * was explored there already. */
bool weft__odpor_value_known(long d, wref p, int key, int v)
{
	for (wref c = weft__wn[p].child; c >= 0; c = weft__wn[c].next)
		if (weft__wn[c].ev.key == key &&
		    (weft__wn[c].ev.flags & EV_CHOOSE) && weft__wn[c].ev.val == v)
			return true;
	for (int k = 0; k < lv[d].ndone; k++)
		if (lv[d].done[k].key == key &&
		    (lv[d].done[k].flags & EV_CHOOSE) && lv[d].done[k].val == v)
			return true;
	return false;
}
