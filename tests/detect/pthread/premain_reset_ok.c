//! expect: verified
//! args: --strategy=dfs
/* Blocks a constructor allocates are part of the state at main's entry,
 * which every execution starts from: each execution finds the values the
 * constructor wrote, though the one before changed them, grew one block
 * with realloc and freed another.  (Before, the second execution saw the
 * first one's changes and failed its first assertion.) */
#include <assert.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct counters {
	pthread_mutex_t lock;
	int hits;
};

static struct counters *c;
static int *table;
static char *name;

__attribute__((constructor)) static void setup(void)
{
	c = malloc(sizeof *c);
	pthread_mutex_init(&c->lock, NULL);
	c->hits = 0;
	table = calloc(4, sizeof *table);
	table[3] = 7;
	name = strdup("start");
	/* Freed before main: not part of the state at main's entry. */
	free(malloc(64));
}

static void *worker(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&c->lock);
	c->hits++;
	pthread_mutex_unlock(&c->lock);
	return NULL;
}

int main(void)
{
	pthread_t t[2];

	assert(c->hits == 0);
	assert(table[0] == 0 && table[3] == 7);
	assert(strcmp(name, "start") == 0);
	table = realloc(table, 8 * sizeof *table);
	table[3] = 8;
	table[7] = 1;
	free(name);
	name = strdup("changed");
	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	assert(c->hits == 2);
	return 0;
}
