// chardev_fops_bug.c with the user count under the device's mutex: the
// last release frees the buffer, after every other opener is done.
//! expect: verified
#define OK
#include "chardev_fops_bug.c"
