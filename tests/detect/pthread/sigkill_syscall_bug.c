//! expect: bug crash
/* sigkill_self_bug.c's supervisor sending SIGKILL by the raw
 * syscall(SYS_kill, getpid(), SIGKILL): the program's crash as well. */
#define SEND_SIGKILL() syscall(SYS_kill, getpid(), SIGKILL)
#include "sigkill_self_bug.c"
