//! needs: pthread
//! args: --strategy=dfs
/* Pins the report of a deadlock through completions, whose completer has
 * not called complete() yet: the waiter's line names the blocked thread
 * whose code would complete it, and the cycle runs through the
 * completion (waiter -> completion -> completer -> ...).  Here two
 * threads each wait for the other's completion.  (The Linux models: the
 * core-only builds leave it out, as the pthread layer.) */
#include <weft/linux.h>

static DECLARE_COMPLETION(probed);
static DECLARE_COMPLETION(configured);

static void prober(void *arg)
{
	(void)arg;
	wait_for_completion(&configured);
	complete(&probed);
}

static void configurer(void *arg)
{
	(void)arg;
	wait_for_completion(&probed);
	complete(&configured);
}

WEFT_TEST(each_waits_for_the_other)
{
	weft_thread_t a = weft_spawn(prober, NULL);
	weft_thread_t b = weft_spawn(configurer, NULL);

	weft_join(a);
	weft_join(b);
}
