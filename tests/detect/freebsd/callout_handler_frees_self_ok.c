//! expect: verified
/* The twin of callout_handler_frees_self_bug.c: the handler frees its
 * request without re-arming the callout, as FreeBSD allows. */
#define OK
#include "callout_handler_frees_self_bug.c"
