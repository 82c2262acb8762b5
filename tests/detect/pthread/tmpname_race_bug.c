//! expect: bug assertion
/* main makes a scratch file with mkstemp, a helper removes it, and main
 * opens it again by name: the removal may come first.  mkstemp makes
 * another name in every execution, and the name's object, a hash of the
 * name, was another in each: the reductions took the planned order for
 * redundant and this was verified (a review's probe).  Names made unique
 * are keyed by their maker now (src/pthread/fs.c).  tmpname_race_ok.c
 * joins the helper first and expects the file gone. */
#include <assert.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static char name[] = "/tmp/weft-tmpname-XXXXXX";

static void *remover(void *arg)
{
	(void)arg;
	unlink(name);
	return NULL;
}

int main(void)
{
	pthread_t t;
	int fd = mkstemp(name);

	assert(fd >= 0);
	close(fd);
	pthread_create(&t, NULL, remover, NULL);
#ifdef FIXED
	pthread_join(t, NULL);
	fd = open(name, O_RDONLY);
	assert(fd < 0);
#else
	fd = open(name, O_RDONLY);
	assert(fd >= 0);
	close(fd);
	pthread_join(t, NULL);
#endif
	return 0;
}
