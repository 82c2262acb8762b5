//! expect: verified
/* retry_alone_bug.c's consumer, which blocks on a semaphore the producer
 * posts once its 100 polls are spent: correct however slow the producer
 * is: verified, its give-up probes included. */
#define OK
#include "retry_alone_bug.c"
