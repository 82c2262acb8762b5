//! expect: bug data-race
/* closed_stdin_ok.c without the lock, and with stdout closed too: the
 * report still has its source lines. */
#define CLOSED_STDIN_BUG 1
#include "closed_stdin_ok.c"
