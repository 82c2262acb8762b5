// epoch(9): a thread may not sleep inside an epoch section, preemptible
// or not (the kernel marks it THREAD_NO_SLEEPING until epoch_exit).  The
// bug twin looks an entry up inside NET_EPOCH_ENTER and takes the table's
// sx lock there, which may sleep; the correct twin (epoch_sleep_ok.c)
// takes the sx lock after the section and only a default mutex inside
// it, which a preemptible section allows.  The model's epochs are
// SRCU-like domains, whose readers may sleep: this was not checked.
//! expect: bug misuse
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/epoch.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/sx.h>

static struct mtx stats_mtx;
static struct sx table_sx;
static int hits, entries;

static void reader(void *arg)
{
	struct epoch_tracker et;

	(void)arg;
	NET_EPOCH_ENTER(et);
	mtx_lock(&stats_mtx);
	hits++;
	mtx_unlock(&stats_mtx);
#ifndef OK
	sx_xlock(&table_sx);
	entries++;
	sx_xunlock(&table_sx);
#endif
	NET_EPOCH_EXIT(et);
#ifdef OK
	sx_xlock(&table_sx);
	entries++;
	sx_xunlock(&table_sx);
#endif
}

WEFT_TEST(epoch_sleep)
{
	weft_thread_t r;

	mtx_init(&stats_mtx, "stats", NULL, MTX_DEF);
	sx_init(&table_sx, "table");
	r = weft_spawn(reader, NULL);
	sx_xlock(&table_sx);
	entries++;
	sx_xunlock(&table_sx);
	weft_join(r);
	MPASS(entries == 2 && hits == 1);
}
