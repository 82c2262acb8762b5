//! expect: verified
/* Memory the C library allocates for the program (asprintf, realpath and
 * getcwd asked to allocate, get_current_dir_name, wcsdup, scandir) is on
 * weft's tracked heap like malloc's (src/pthread/libc_alloc.c): each
 * buffer here is freed once, after the thread that uses it.  The twins:
 * libc_alloc_bug.c frees the asprintf buffer twice, natively an abort
 * ("free(): double free detected"); libc_alloc_uaf_bug.c frees it while a
 * thread may still read it.  weft ignored frees of such memory and
 * verified both (found by a probe of the README's claims). */
#define _GNU_SOURCE
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

static char *msg;
static int len;

static void *reader(void *arg)
{
	(void)arg;
	len = (int)strlen(msg);
	return NULL;
}

int main(void)
{
	pthread_t t;
	struct dirent **list;
	char *cwd = getcwd(NULL, 0), *real = realpath(".", NULL);
	char *dir = get_current_dir_name();
	wchar_t *w = wcsdup(L"weft");
	int n = scandir(".", &list, NULL, alphasort);

	if (asprintf(&msg, "%s/%d", "worker", 7) < 0 || !cwd || !real ||
	    !dir || !w || n < 0)
		return 1;
	pthread_create(&t, NULL, reader, NULL);
#ifdef FREE_EARLY
	free(msg);
#endif
	pthread_join(t, NULL);
	free(msg);
#ifdef FREE_TWICE
	free(msg);
#endif
	for (int i = 0; i < n; i++)
		free(list[i]);
	free(list);
	free(cwd);
	free(real);
	free(dir);
	free(w);
	return len == 8 ? 0 : 1;
}
