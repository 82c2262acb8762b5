//! expect: bug crash
/* main_exit_atexit_ok.c whose worker leaves the work half done: the exit
 * handler, run when the worker (the last thread) ends, aborts. */
#define MAIN_EXIT_ATEXIT_BUG 1
#include "main_exit_atexit_ok.c"
