//! expect: bug data-race
/* A thread with a 2000-character name (weft_spawn_at; a start function
 * with a name that long, from generated code, is named after it) and a
 * race: it was a false "crash: stack overflow" in glibc's formatting of
 * the name on the thread's stack (a helper's probe).  Names are shown
 * cut at 120 characters. */
#include <weft/weft.h>

static int x;
/* Filled by its initialiser: a memset would be a call of the race
 * detector's, which the builds without it do not have. */
static char name[2001] = { [0 ... 1999] = 'n' };

static void inc(void *a)
{
	(void)a;
	x++;
}

WEFT_TEST(long_thread_name)
{
	weft_thread_t t;

	t = weft_spawn_at(inc, NULL, name, WEFT_HERE);
	inc(NULL);
	weft_join(t);
}
