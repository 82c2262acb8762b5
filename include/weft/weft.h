/* weft/weft.h - the umbrella header: everything a test needs. */
#ifndef WEFT_WEFT_H
#define WEFT_WEFT_H

#define WEFT_VERSION "0.1.0"

#include <weft/loc.h>
#include <weft/test.h>
#include <weft/thread.h>
#include <weft/mutex.h>
#include <weft/cond.h>
#include <weft/rwlock.h>
#include <weft/sem.h>
#include <weft/atomic.h>
#include <weft/alloc.h>
#include <weft/race.h>

#endif
