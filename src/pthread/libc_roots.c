/* src/pthread/libc_roots.c - the C library's memory that holds blocks of
 * the program's, as roots of the leak check (src/detect/leak.c).
 *
 * The roots of the leak check were the program's own data, stacks and
 * thread-specific values: a block only the C library pointed to was
 * reported as a leak, where LeakSanitizer, which scans the C library's
 * data as well, reports none (a probe: putenv(strdup("A=b")),
 * setvbuf(stdout, malloc(4096), ...), on_exit(fn, malloc(64))).  The C
 * library's own blocks are not weft's heap, so its memory is not scanned
 * whole: these are the places it keeps what the program handed it, each
 * only while it keeps it (a name putenv set again, a stream closed: the
 * block is the program's to free, and a leak when dropped). */
#include "pthread/pt.h"

void weft__pt_libc_roots(void (*root)(void *ctx, const char *lo,
				      const char *hi),
			 void *ctx)
{
	weft__pt_env_roots(root, ctx);
	weft__pt_stream_roots(root, ctx);
	weft__pt_exit_roots(root, ctx);
}
