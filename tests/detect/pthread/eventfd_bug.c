//! expect: bug data-race
//! args: --strategy=dfs
/* eventfd_ok.c with the payload stored after the wake-up: the reader's
 * read of it races with the store (the eventfd orders only what came
 * before its write). */
#define LATE
#include "eventfd_ok.c"
