//! expect: verified
//! args: --strategy=dfs
/* Reads its input a character at a time before it starts a thread: a read
 * is a scheduling point only while another thread could run, so 30,000
 * reads no longer run into --max-steps (they were inconclusive). */
#include <pthread.h>
#include <stdio.h>

static long count;

static void *report(void *arg)
{
	(void)arg;
	return NULL;
}

int main(void)
{
	FILE *f = tmpfile();
	pthread_t t;
	int c;

	for (int i = 0; i < 30000; i++)
		fputc('x', f);
	rewind(f);
	while ((c = getc(f)) != EOF)
		count++;
	fclose(f);
	pthread_create(&t, NULL, report, NULL);
	pthread_join(t, NULL);
	return count == 30000 ? 0 : 1;
}
