//! expect: bug deadlock
/* msync(MS_SYNC) of a file's mapping.
 * weft did not act on a pending request there, and verified the
 * program (the frame: cancel_point.h). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>
static int fd;
static char *p;

static void map(void)
{
	fd = fileno(tmpfile());
	if (ftruncate(fd, 4096))
		abort();
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		abort();
}

#define SETUP() map()
#define POINT() msync(p, 4096, MS_SYNC)
#include "cancel_point.h"
