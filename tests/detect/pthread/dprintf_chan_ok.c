//! expect: verified
/* dprintf_chan_bug.c with the second writer started after the first
 * ended. */
#define OK
#include "dprintf_chan_bug.c"
