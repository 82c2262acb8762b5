//! expect: bug exit-status
/* Two threads append records to one log through descriptors of their
 * own: each positions at the end with lseek, then writes a record with
 * writev (header and body), and a second with dprintf.  Between one's
 * lseek and its write the other's record lands at the same offset, and
 * one is lost.  writev and dprintf on a regular file were no steps on
 * the file, and this was verified (a probe: native runs lost a record in
 * 6 and 7 of 2,000), where the same program with write() was found.
 * append_vec_ok.c opens the log with O_APPEND. */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

static char path[] = "/tmp/weft-append-vec-XXXXXX";

static void *logger(void *a)
{
	char hdr[5], body[8];
	int fd = open(path, O_WRONLY
#ifdef OK
				    | O_APPEND
#endif
	);

	if (fd < 0)
		return NULL;
	snprintf(hdr, sizeof hdr, "[%c] ", (int)(long)a);
	memset(body, (int)(long)a, 7);
	body[7] = '\n';
	struct iovec v[2] = { { hdr, 4 }, { body, 8 } };
#ifndef OK
	lseek(fd, 0, SEEK_END);
#endif
	if (writev(fd, v, 2) != 12)
		abort();
#ifndef OK
	lseek(fd, 0, SEEK_END);
#endif
	dprintf(fd, "%s%.7s\n", hdr, body);
	close(fd);
	return NULL;
}

int main(void)
{
	pthread_t a, b;
	struct stat st;
	int fd = mkstemp(path);

	if (fd < 0)
		return 2;
	close(fd);
	pthread_create(&a, NULL, logger, (void *)'a');
	pthread_create(&b, NULL, logger, (void *)'b');
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	if (stat(path, &st) != 0)
		return 2;
	unlink(path);
	return st.st_size == 48 ? 0 : 1;
}
