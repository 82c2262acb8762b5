//! expect: bug use-after-free
//! args: --strategy=dfs
/* main reads lines with getline into a buffer it got from malloc, four
 * bytes, which getline grows (realloc) for the first long line; a peeking
 * thread takes the buffer's pointer under the lock but reads through it
 * after unlocking, when main's getline may have freed it.  weft could not
 * run this at all: glibc's getline grew the buffer with glibc's own
 * realloc, which aborted on a block of weft's heap (a crash in every
 * program that gives getline a buffer from malloc).
 * getline_grow_ok.c reads under the lock. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char text[] = "the first line, much longer than four bytes\n"
		     "second:third";
static char *line;
static size_t cap = 4;
static char seen;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *peek(void *arg)
{
	char *p;

	(void)arg;
	pthread_mutex_lock(&m);
	p = line;
#ifndef GETLINE_GROW_OK
	pthread_mutex_unlock(&m);
#endif
	seen = p[0];
#ifdef GETLINE_GROW_OK
	pthread_mutex_unlock(&m);
#endif
	return NULL;
}

int main(void)
{
	FILE *f = fmemopen(text, sizeof text - 1, "r");
	pthread_t t;
	ssize_t n;

	if (!f || !(line = malloc(cap)))
		return 2;
	strcpy(line, "abc");
	pthread_create(&t, NULL, peek, NULL);
	pthread_mutex_lock(&m);
	n = getline(&line, &cap, f);
	pthread_mutex_unlock(&m);
	pthread_join(t, NULL);
	if (n != 44 || strcmp(line, "the first line, much longer than four "
				    "bytes\n") || cap < 45 || seen == 0)
		return 1;
	/* getdelim reuses the grown buffer: no growth, a field each. */
	if (getdelim(&line, &cap, ':', f) != 7 || strcmp(line, "second:") ||
	    getdelim(&line, &cap, ':', f) != 5 || strcmp(line, "third") ||
	    getdelim(&line, &cap, ':', f) != -1)
		return 1;
	free(line);
	fclose(f);
	return 0;
}
