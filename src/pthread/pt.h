/* src/pthread/pt.h - shared by the pthread layer (src/pthread/).
 *
 * weft-cc renames the program's calls (pthread_create, malloc, printf,
 * exit, ...) to __weft_<name> in the program's own objects (objcopy
 * --redefine-sym), so only the program under test reaches these wrappers;
 * libc and weft keep the real functions.  Every wrapper behaves like the
 * real function when no execution is running (constructors, destructors),
 * and like its weft model inside an execution. */
#ifndef WEFT_PTHREAD_PT_H
#define WEFT_PTHREAD_PT_H

#include <pthread.h>

#include "internal.h"
#include "detect/race.h"

/* True when the caller is a test thread of a running execution. */
static inline bool weft__pt_live(void)
{
	return weft__race_on && weft__self() >= 0;
}

#define PT_LOC() WEFT__CALLER_LOC()

/* The calling thread's pthread_t (test thread id + 1). */
#define PT_ID(tid) ((pthread_t)(tid) + 1)

/* Per-execution state of the pthread layer, reset by its begin hook. */
void weft__pt_keys_thread_exit(int tid);

/* Run the program's atexit handlers registered during this execution. */
void weft__pt_run_atexit(void);

/* Program output of the current execution (main mode). */
void weft__pt_output(int fd, const char *s, size_t n);
bool weft__pt_capturing(void);

#endif
