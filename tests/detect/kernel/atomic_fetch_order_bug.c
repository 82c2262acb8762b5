// Value-returning atomic read-modify-writes without a suffix are fully
// ordered (Documentation/atomic_t.txt), the atomic_fetch_ forms too: a
// plain store, then atomic_fetch_add(); a reader acquires the counter and
// reads the data.  atomic_fetch_add ends in _add like the void atomic_add,
// and was taken for relaxed: a false data race (a probe).  This file uses
// the _relaxed forms, a real race; atomic_fetch_order_ok.c the plain ones.
//! expect: bug data-race
#include <linux/atomic.h>
#include <linux/kthread.h>
static atomic_t F1; static atomic_long_t L1; static atomic64_t Q1; static int d1;
static void w1(void *a) { (void)a; d1 = 1;
#ifdef FIXED
	(void)atomic_fetch_add(1, &F1);
#else
	(void)atomic_fetch_add_relaxed(1, &F1);
#endif
}
WEFT_TEST(fetch1) /* atomic_fetch_add(1, &F) */
{
	weft_thread_t t = weft_spawn(w1, NULL);
	if (atomic_read_acquire(&F1) != 0 || atomic_long_read_acquire(&L1) != 0 || atomic64_read(&Q1) != 0) WARN_ON(d1 != 1);
	weft_join(t);
}
static atomic_t F2; static atomic_long_t L2; static atomic64_t Q2; static int d2;
static void w2(void *a) { (void)a; d2 = 1;
#ifdef FIXED
	(void)atomic_fetch_sub(-1, &F2);
#else
	(void)atomic_fetch_add_relaxed(1, &F2);
#endif
}
WEFT_TEST(fetch2) /* atomic_fetch_sub(-1, &F) */
{
	weft_thread_t t = weft_spawn(w2, NULL);
	if (atomic_read_acquire(&F2) != 0 || atomic_long_read_acquire(&L2) != 0 || atomic64_read(&Q2) != 0) WARN_ON(d2 != 1);
	weft_join(t);
}
static atomic_t F3; static atomic_long_t L3; static atomic64_t Q3; static int d3;
static void w3(void *a) { (void)a; d3 = 1;
#ifdef FIXED
	(void)atomic_fetch_inc(&F3);
#else
	(void)atomic_fetch_add_relaxed(1, &F3);
#endif
}
WEFT_TEST(fetch3) /* atomic_fetch_inc(&F) */
{
	weft_thread_t t = weft_spawn(w3, NULL);
	if (atomic_read_acquire(&F3) != 0 || atomic_long_read_acquire(&L3) != 0 || atomic64_read(&Q3) != 0) WARN_ON(d3 != 1);
	weft_join(t);
}
static atomic_t F4; static atomic_long_t L4; static atomic64_t Q4; static int d4;
static void w4(void *a) { (void)a; d4 = 1;
#ifdef FIXED
	(void)atomic_fetch_dec(&F4);
#else
	(void)atomic_fetch_add_relaxed(1, &F4);
#endif
}
WEFT_TEST(fetch4) /* atomic_fetch_dec(&F) */
{
	weft_thread_t t = weft_spawn(w4, NULL);
	if (atomic_read_acquire(&F4) != 0 || atomic_long_read_acquire(&L4) != 0 || atomic64_read(&Q4) != 0) WARN_ON(d4 != 1);
	weft_join(t);
}
static atomic_t F5; static atomic_long_t L5; static atomic64_t Q5; static int d5;
static void w5(void *a) { (void)a; d5 = 1;
#ifdef FIXED
	(void)atomic_long_fetch_add(1, &L5);
#else
	(void)atomic_fetch_add_relaxed(1, &F5);
#endif
}
WEFT_TEST(fetch5) /* atomic_long_fetch_add(1, &L) */
{
	weft_thread_t t = weft_spawn(w5, NULL);
	if (atomic_read_acquire(&F5) != 0 || atomic_long_read_acquire(&L5) != 0 || atomic64_read(&Q5) != 0) WARN_ON(d5 != 1);
	weft_join(t);
}
static atomic_t F6; static atomic_long_t L6; static atomic64_t Q6; static int d6;
static void w6(void *a) { (void)a; d6 = 1;
#ifdef FIXED
	(void)atomic_long_fetch_sub(-1, &L6);
#else
	(void)atomic_fetch_add_relaxed(1, &F6);
#endif
}
WEFT_TEST(fetch6) /* atomic_long_fetch_sub(-1, &L) */
{
	weft_thread_t t = weft_spawn(w6, NULL);
	if (atomic_read_acquire(&F6) != 0 || atomic_long_read_acquire(&L6) != 0 || atomic64_read(&Q6) != 0) WARN_ON(d6 != 1);
	weft_join(t);
}
static atomic_t F7; static atomic_long_t L7; static atomic64_t Q7; static int d7;
static void w7(void *a) { (void)a; d7 = 1;
#ifdef FIXED
	(void)atomic64_fetch_add(1, &Q7);
#else
	(void)atomic_fetch_add_relaxed(1, &F7);
#endif
}
WEFT_TEST(fetch7) /* atomic64_fetch_add(1, &Q) */
{
	weft_thread_t t = weft_spawn(w7, NULL);
	if (atomic_read_acquire(&F7) != 0 || atomic_long_read_acquire(&L7) != 0 || atomic64_read(&Q7) != 0) WARN_ON(d7 != 1);
	weft_join(t);
}
static atomic_t F8; static atomic_long_t L8; static atomic64_t Q8; static int d8;
static void w8(void *a) { (void)a; d8 = 1;
#ifdef FIXED
	(void)atomic64_fetch_sub(-1, &Q8);
#else
	(void)atomic_fetch_add_relaxed(1, &F8);
#endif
}
WEFT_TEST(fetch8) /* atomic64_fetch_sub(-1, &Q) */
{
	weft_thread_t t = weft_spawn(w8, NULL);
	if (atomic_read_acquire(&F8) != 0 || atomic_long_read_acquire(&L8) != 0 || atomic64_read(&Q8) != 0) WARN_ON(d8 != 1);
	weft_join(t);
}
