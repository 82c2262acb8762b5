//! expect: bug assertion
/* lock_file_ok.c with a test for the file before an open that creates it
 * whether or not it exists. */
#define CHECK_THEN_CREATE
#include "lock_file_ok.c"
