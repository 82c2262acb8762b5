//! needs: pthread
//! args: --strategy=dfs
/* Pins the report of a deadlock through a completion and a mutex: the
 * remover waits for `done` holding cfg_mutex, and the finisher, whose
 * code completes `done`, waits for cfg_mutex first.  The cycle reads
 * remover -> completion done -> finisher -> remover.  (The Linux models:
 * the core-only builds leave it out, as the pthread layer.) */
#include <weft/linux.h>

static DEFINE_MUTEX(cfg_mutex);
static DECLARE_COMPLETION(done);
static int cfg;

static void finisher(void *arg)
{
	(void)arg;
	mutex_lock(&cfg_mutex);
	cfg = 1;
	mutex_unlock(&cfg_mutex);
	complete(&done);
}

WEFT_TEST(remover)
{
	weft_thread_t t = weft_spawn(finisher, NULL);

	mutex_lock(&cfg_mutex);
	wait_for_completion(&done);
	cfg = 2;
	mutex_unlock(&cfg_mutex);
	weft_join(t);
}
