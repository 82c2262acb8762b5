//! expect: verified
/* The twin of tls_after_exit_bug.c: the worker returns a heap copy of its
 * _Thread_local buffer, which outlives it; main frees it. */
#define COPY
#include "tls_after_exit_bug.c"
