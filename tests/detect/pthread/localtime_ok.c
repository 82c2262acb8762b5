//! expect: verified
/* localtime_bug.c's correct twin: localtime_r into a struct of each
 * worker's own. */
#define OK
#include "localtime_bug.c"
