//! expect: bug deadlock
//! args: --strategy=dfs
/* pipe_eof_ok.c without the producer's close of its write end. */
#define NO_CLOSE
#include "pipe_eof_ok.c"
