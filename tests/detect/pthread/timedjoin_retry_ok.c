//! expect: verified
/* timedjoin_retry_bug.c joining for good after the tries. */
#define OK
#include "timedjoin_retry_bug.c"
