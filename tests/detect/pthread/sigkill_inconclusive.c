//! expect: inconclusive killed
/* The worker killed by SIGKILL from outside weft (the kernel's
 * out-of-memory killer or a user; here a raw system call weft does not
 * see stands in for them): nothing says where, and it is no bug of the
 * program.  It was reported as the program's crash, with a replay that
 * diverged (a probe of awkward programs).  The program's own kill, raise
 * or syscall(SYS_kill) of SIGKILL is its crash (sigkill_self_bug.c). */
#include <pthread.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

static void outside_kill(void)
{
	long r;

	__asm__ volatile("syscall"
			 : "=a"(r)
			 : "a"((long)SYS_kill), "D"((long)getpid()),
			   "S"((long)SIGKILL)
			 : "rcx", "r11");
	(void)r;
}

static void *worker(void *arg)
{
	(void)arg;
	outside_kill();
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, NULL);
	return 0;
}
