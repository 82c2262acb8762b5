// init_completion() racing with another thread's complete() of the same
// completion, with nothing ordering them: the kernel's init is plain
// stores over the object, which KCSAN reports against the completer's
// accesses.  No thread is waiting, so no order of the two hangs here;
// before the init was a write the race detector saw, this was verified.
// init_completion_race_ok.c joins the completer first.
//! expect: bug data-race
#include <linux/completion.h>

static struct completion c;

static void completer(void *arg)
{
	(void)arg;
	complete(&c);
}

WEFT_TEST(init_completion_race)
{
	init_completion(&c);
	weft_thread_t t = weft_spawn(completer, NULL);
#ifdef OK
	weft_join(t);
	init_completion(&c);
#else
	init_completion(&c);
	weft_join(t);
#endif
}
