//! expect: verified
//! args: --strategy=dfs
/* setlocale changes the process's locale, which localeconv and
 * nl_langinfo read, and localeconv fills one static struct that every
 * call overwrites (glibc: MT-Unsafe race:LC_ALL, race:localeconv,
 * const:locale).  Here main changes the locale and two threads read it,
 * all under a mutex.  Every execution starts in the "C" locale, as a
 * process does (the locale one execution set was still in force in the
 * next).  locale_bug.c leaves the mutex out: data races on the locale
 * and on localeconv's result, which weft verified (a probe). */
#include <assert.h>
#include <langinfo.h>
#include <locale.h>
#include <pthread.h>
#include <string.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static char point[2], codeset[2][32];

static void *reader(void *a)
{
	long i = (long)a;
	struct lconv *l;

#ifndef LOCALE_BUG
	pthread_mutex_lock(&m);
#endif
	l = localeconv();
	point[i] = l->decimal_point[0];
	strncpy(codeset[i], nl_langinfo(CODESET), sizeof codeset[i] - 1);
#ifndef LOCALE_BUG
	pthread_mutex_unlock(&m);
#endif
	return NULL;
}

int main(void)
{
	pthread_t t[2];

	assert(strcmp(setlocale(LC_ALL, NULL), "C") == 0);
	for (long i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, reader, (void *)i);
	pthread_mutex_lock(&m);
	/* (C.UTF-8 may be missing: setlocale then fails and changes
	 * nothing, which the readers do not mind.) */
	setlocale(LC_ALL, "C.UTF-8");
	pthread_mutex_unlock(&m);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	assert(point[0] == '.' && point[1] == '.');
	return 0;
}
