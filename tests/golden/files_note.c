//! needs: pthread
/* Pins the note of a verdict of threads that list a directory: the
 * listing (readdir) is no step, so its order against another thread's
 * creation of a file there is not explored, and every verdict of such an
 * execution says so.  (Files' contents and names are steps: fs.c.) */
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];
static int seen;

static void *lister(void *arg)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	(void)arg;
	while (d && (e = readdir(d)))
		seen++;
	if (d)
		closedir(d);
	return NULL;
}

int main(void)
{
	pthread_t t;

	snprintf(dir, sizeof dir, "/tmp/weft_files_note.%d", (int)getpid());
	mkdir(dir, 0700);
	pthread_create(&t, NULL, lister, NULL);
	pthread_join(t, NULL);
	rmdir(dir);
	return seen >= 2 ? 0 : 1;
}
