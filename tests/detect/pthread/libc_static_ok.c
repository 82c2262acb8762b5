//! expect: verified
/* libc_static_bug with getpwuid_r: each thread's record and strings are
 * in its own buffer. */
#define REENTRANT
#include "libc_static_bug.c"
