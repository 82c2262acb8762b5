//! args: --strategy=dfs
/* Pins the text report of a deadlock: headline, blocked threads with what
 * each waits for, the cycle, the column trace with the blocked operations,
 * and the replay line. */
#include <weft/weft.h>

static weft_mutex_t rtnl_mutex = WEFT_MUTEX_INIT;
static weft_mutex_t intf_mutex = WEFT_MUTEX_INIT;

static void change_port_types(void *arg)
{
	(void)arg;
	weft_mutex_lock(&intf_mutex);
	weft_mutex_lock(&rtnl_mutex);
	weft_mutex_unlock(&rtnl_mutex);
	weft_mutex_unlock(&intf_mutex);
}

static void bond_work(void *arg)
{
	(void)arg;
	weft_mutex_lock(&rtnl_mutex);
	weft_mutex_lock(&intf_mutex);
	weft_mutex_unlock(&intf_mutex);
	weft_mutex_unlock(&rtnl_mutex);
}

WEFT_TEST(port_change_vs_bond)
{
	weft_thread_t a = weft_spawn(change_port_types, NULL);
	weft_thread_t b = weft_spawn(bond_work, NULL);
	weft_join(a);
	weft_join(b);
}
