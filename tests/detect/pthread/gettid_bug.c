//! expect: bug assertion
/* gettid_ok.c with a worker that takes its thread id for the process id. */
#define GETTID_BUG 1
#include "gettid_ok.c"
