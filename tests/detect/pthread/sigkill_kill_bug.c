//! expect: bug crash
/* sigkill_self_bug.c sending SIGKILL by kill(getpid(), SIGKILL), and
 * syscall(SYS_kill, ...) in sigkill_syscall_bug.c: the same crash. */
#define SEND_SIGKILL() kill(getpid(), SIGKILL)
#include "sigkill_self_bug.c"
