//! expect: bug assertion
/* msleep(9) with PCATCH returns EINTR or ERESTART when a signal is
 * caught, without the condition it waits for.  This twin ignores the
 * error and consumes an item that may not be there; the ok twin
 * (msleep_pcatch_ok.c) gives up on the error.  Signals were never
 * modelled, so the bug was verified (a FreeBSD probe); a PCATCH sleep may
 * now be interrupted, once per thread and execution. */
#include <weft/freebsd.h>

static struct mtx m;
static int items;

static void producer(void *arg)
{
	(void)arg;
	mtx_lock(&m);
	items++;
	wakeup(&items);
	mtx_unlock(&m);
}

WEFT_TEST(msleep_pcatch)
{
	weft_thread_t p;
	int error = 0;

	mtx_init(&m, "m", NULL, MTX_DEF);
	p = weft_spawn(producer, NULL);
	mtx_lock(&m);
	while (items == 0) {
		error = msleep(&items, &m, PCATCH, "w", 0);
#ifdef FIXED
		if (error != 0)
			break;
#endif
	}
#ifdef FIXED
	if (error == 0)
		items--;
#else
	KASSERT(error == 0, ("interrupted"));
	items--;
#endif
	mtx_unlock(&m);
	weft_join(p);
	mtx_destroy(&m);
}
