//! expect: bug misuse
/* sx_destroy(9) asserts that no one holds the lock; it was a no-op here,
 * and a detach that destroys the softc's sx lock while a reader still
 * holds it was verified.  sx_destroy_held_ok.c joins the reader first. */
#include <sys/param.h>
#include <sys/lock.h>
#include <sys/sx.h>

static struct sx lk;
static int value;

static void reader(void *arg)
{
	(void)arg;
	sx_slock(&lk);
	(void)value;
	sx_sunlock(&lk);
}

WEFT_TEST(sx_destroy_held)
{
	sx_init(&lk, "softc");
	weft_thread_t t = weft_spawn(reader, NULL);
#ifdef OK
	weft_join(t);
	sx_destroy(&lk);
#else
	sx_destroy(&lk);
	weft_join(t);
#endif
}
