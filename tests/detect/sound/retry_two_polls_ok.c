//! expect: verified
//! args: --fair-bound=2
/* retry_two_polls_bug.c's correct twin: after its tries the consumer
 * waits for the producer without giving up. */
#define OK
#include "retry_two_polls_bug.c"
