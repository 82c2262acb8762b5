//! expect: verified
/* A thread with a locale of its own (uselocale) reads that one with
 * nl_langinfo, not the global locale another thread sets: no race (it
 * was a false data race on "the locale"). */
#define _GNU_SOURCE
#include <langinfo.h>
#include <locale.h>
#include <pthread.h>
#include <string.h>

static char codeset[32];

static void *reader(void *arg)
{
	locale_t l = newlocale(LC_ALL_MASK, "C", (locale_t)0), old;

	(void)arg;
	if (!l)
		return NULL;
	old = uselocale(l);
	strncpy(codeset, nl_langinfo(CODESET), sizeof codeset - 1);
	uselocale(old);
	freelocale(l);
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, reader, NULL);
	setlocale(LC_ALL, "C");
	pthread_join(t, NULL);
	return strcmp(codeset, "ANSI_X3.4-1968") == 0 ? 0 : 1;
}
