//! expect: verified
/* retry_trylock_giveup_bug.c with a blocking lock once the tries are
 * spent: verified, its give-up probes included. */
#define OK
#include "retry_trylock_giveup_bug.c"
