//! expect: pass
//! args: --strategy=random --iterations=300
/* A correct program that opens a stream, a descriptor and a directory and
 * maps memory, and gives none of them back: natively harmless, the
 * process ends.  weft runs every execution in one process and gives them
 * back before the next execution; before, the worker ran out of
 * descriptors (here after about 32 executions, the limit this program
 * sets) and the failing fopen was reported as the program's bug, and each
 * mapping stayed (and once, fdopen(1) closed standard output for the
 * executions after).  unclosed_files_bug.c has a lost update besides. */
#include <assert.h>
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

static atomic_int counter;

static void *inc(void *arg)
{
	atomic_fetch_add(&counter, 1);
	return arg;
}

int main(void)
{
	struct rlimit rl = { 32, 32 };
	pthread_t a, b;
	FILE *f;
	void *m;

	getrlimit(RLIMIT_NOFILE, &rl);
	rl.rlim_cur = 32;
	setrlimit(RLIMIT_NOFILE, &rl);
	f = fopen("/dev/null", "r");
	assert(f != NULL);
	assert(open("/dev/null", O_RDONLY) >= 0);
	assert(opendir("/") != NULL);
	/* A stream on standard output and a descriptor moved to a number of
	 * its own: the first must stay open for the executions after. */
	assert(fdopen(1, "w") != NULL);
	assert(dup2(open("/dev/null", O_RDONLY), 20) == 20);
	m = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	assert(m != MAP_FAILED);
	pthread_create(&a, NULL, inc, NULL);
	pthread_create(&b, NULL, inc, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	assert(atomic_load(&counter) == 2);
	return 0;
}
