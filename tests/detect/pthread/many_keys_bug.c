//! expect: bug assertion
/* many_keys_ok.c where each thread clears its value of the last key and
 * then checks it. */
#define MANY_KEYS_BUG 1
#include "many_keys_ok.c"
