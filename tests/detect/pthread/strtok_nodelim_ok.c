//! expect: verified
/* strtok_r on a string with no delimiter writes nothing into it, so
 * another thread may read the string meanwhile (weft marked the token and
 * its terminator written: a false data race).  strtok_nodelim_bug.c's
 * string has a delimiter, where strtok_r writes the terminator. */
#include <pthread.h>
#include <string.h>

#ifdef BUG
static char buf[16] = "abc,def";
#else
static char buf[16] = "abcdef";
#endif
static size_t seen;

static void *reader(void *arg)
{
	(void)arg;
	seen = strlen(buf);
	return NULL;
}

int main(void)
{
	pthread_t t;
	char *save;

	pthread_create(&t, NULL, reader, NULL);
	(void)strtok_r(buf, ",", &save);
	pthread_join(t, NULL);
	return seen > 16;
}
