/* A program with its own main (main mode) whose bug needs its arguments:
 * it races only when called with exactly the two arguments below, which
 * need quoting in a shell, and the second looks like one of weft's flags.
 * A replay command that loses or mangles them replays no bug. */
#include <pthread.h>
#include <string.h>

static int counter;

static void *inc(void *arg)
{
	(void)arg;
	counter++;
	return NULL;
}

int main(int argc, char **argv)
{
	int racy = argc == 3 && !strcmp(argv[1], "it's a \"race\" $HOME") &&
		   !strcmp(argv[2], "--replay=not-weft's");
	pthread_t t;

	pthread_create(&t, NULL, inc, NULL);
	if (racy)
		counter++;
	pthread_join(t, NULL);
	return 0;
}
