//! expect: bug data-race
//! args: --strategy=dfs
/* Two attach paths run at once: port A records its link speed in the
 * shared softc and starts its tick callout; port B starts its own tick
 * callout, whose handler reports the link speed.  Bug: A writes the speed
 * without the softc lock that B's handler takes, a data race (nothing
 * orders A's store before B's callout).  Fix: A stores under the lock.
 * softclock is made when a callout is first armed, by whichever thread
 * arms one first; it took that thread's clock, so when A armed first its
 * store was ordered before B's handler and the race was verified (a
 * probe comparing dfs with random schedules). */
#include <weft/freebsd.h>
#include <weft/weft.h>

struct softc { struct mtx mtx; int speed; int reports; };
static struct softc sc;
static struct callout tick_a, tick_b;

static void a_tick(void *arg) { (void)arg; }
static void b_tick(void *arg)
{
	struct softc *s = arg;
	mtx_lock(&s->mtx);
	s->reports += s->speed;
	mtx_unlock(&s->mtx);
}
static void attach_a(void *arg)
{
	(void)arg;
#ifdef FIXED
	mtx_lock(&sc.mtx); sc.speed = 1000; mtx_unlock(&sc.mtx);
#else
	sc.speed = 1000;
#endif
	callout_reset(&tick_a, 1, a_tick, &sc);
}
static void attach_b(void *arg)
{
	(void)arg;
	callout_reset(&tick_b, 1, b_tick, &sc);
}

WEFT_TEST(two_attach)
{
	mtx_init(&sc.mtx, "sc", NULL, MTX_DEF);
	callout_init(&tick_a, 1);
	callout_init(&tick_b, 1);
	weft_thread_t a = weft_spawn(attach_a, NULL);
	weft_thread_t b = weft_spawn(attach_b, NULL);
	weft_join(a); weft_join(b);
	callout_drain(&tick_a);
	callout_drain(&tick_b);
	mtx_destroy(&sc.mtx);
}
