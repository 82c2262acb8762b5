//! expect: inconclusive
/* vfork, refused as fork is (spawn_inconclusive.c says why). */
#include <unistd.h>

int main(void)
{
	pid_t pid = vfork();

	if (pid == 0)
		_exit(0);
	return 0;
}
