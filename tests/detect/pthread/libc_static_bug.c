//! expect: bug data-race
/* Two threads look up a user with getpwuid, whose result is one static
 * record of the C library shared by all threads (its manual marks it
 * MT-Unsafe): one call can overwrite the record while the other thread
 * copies its name.  weft saw neither the C library's writes nor any
 * shared access and verified it; now each call writes a model object
 * that stands for the record.  libc_static_ok uses getpwuid_r. */
#include <pthread.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>

static void *lookup(void *arg)
{
	uid_t uid = (uid_t)(long)arg;
	char *name = NULL;
#ifdef REENTRANT
	struct passwd pw, *p;
	char buf[1024];

	if (getpwuid_r(uid, &pw, buf, sizeof buf, &p) == 0 && p)
		name = strdup(p->pw_name);
#else
	struct passwd *p = getpwuid(uid);

	if (p)
		name = strdup(p->pw_name);
#endif
	return name;
}

int main(void)
{
	pthread_t t[2];
	void *name[2];

	pthread_create(&t[0], NULL, lookup, (void *)0L);
	pthread_create(&t[1], NULL, lookup, (void *)1L);
	for (int i = 0; i < 2; i++) {
		pthread_join(t[i], &name[i]);
		free(name[i]);
	}
	return 0;
}
