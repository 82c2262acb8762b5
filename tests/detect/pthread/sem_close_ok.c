//! expect: verified
//! args: strategy=dfs
/* sem_close_bug.c with the worker joined before the last sem_close; and
 * a name opened twice is closed twice before it is unmapped, and opened
 * again after that it has kept its count. */
#include <assert.h>

#define JOIN_FIRST 1
#define main close_after_join
#include "sem_close_bug.c"
#undef main

int main(void)
{
	sem_t *a, *b;
	int v;

	if (close_after_join())
		return 1;
	a = sem_open("/weft_sem_close_twice", O_CREAT, 0600, 2);
	b = sem_open("/weft_sem_close_twice", 0);
	assert(a != SEM_FAILED && a == b);
	sem_close(a);
	sem_wait(b);               /* b still maps it */
	sem_close(b);
	a = sem_open("/weft_sem_close_twice", 0);
	assert(a != SEM_FAILED);
	sem_getvalue(a, &v);
	assert(v == 1);
	sem_close(a);
	sem_unlink("/weft_sem_close_twice");
	return 0;
}
