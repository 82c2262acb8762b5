//! expect: bug assertion
/* The other thread reads the announcement before it stores the flag: see
 * retry_key_spinner_store_ok.c. */
#define KEY_BUG
#include "retry_key_spinner_store_ok.c"
