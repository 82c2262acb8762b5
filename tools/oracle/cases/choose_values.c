/* weft oracle case (generated from choose_values.json by check.py --write-cases)
 *
 * choose_values: weft_choose(3) picks the value main stores; main
 * asserts it is not 2. Every choice is explored: 3 outcomes, one of
 * them a bug reachable without preemption. */
#include <assert.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <weft/weft.h>

pthread_t th[1];

int main(void)
{
	int v = 0;
	v = weft_choose(3);
	assert((v != 2));
	return 0;
}
