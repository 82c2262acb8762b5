// iomap: fix a use after free in iomap_dio_rw (4ea899ead278, 2019).
// The submitter drops its reference on the dio, and when that was not
// the last one it reads dio->wait_for_completion: the bio's end_io,
// which dropped the last reference meanwhile, has freed the dio.  The
// fix reads the flag into a local before the drop.
//! expect: bug use-after-free
#include <linux/atomic.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct iomap_dio {
	atomic_t ref;
	bool wait_for_completion;
	long size;
	struct work_struct bio_end;	/* the bio's completion, later */
};

static long iomap_dio_complete(struct iomap_dio *dio)
{
	long ret = dio->size;

	kfree(dio);
	return ret;
}

static void iomap_dio_bio_end_io(struct work_struct *w)
{
	struct iomap_dio *dio = container_of(w, struct iomap_dio, bio_end);

	if (atomic_dec_and_test(&dio->ref)) {
		if (!dio->wait_for_completion)	/* aio: complete here */
			iomap_dio_complete(dio);
	}
}

static long iomap_dio_rw(bool is_sync)
{
	struct iomap_dio *dio = kzalloc(sizeof(*dio), GFP_KERNEL);
#ifdef FIXED
	bool wait_for_completion;
#endif

	atomic_set(&dio->ref, 1);
	dio->wait_for_completion = is_sync;
	dio->size = 4096;
	INIT_WORK(&dio->bio_end, iomap_dio_bio_end_io);
	atomic_inc(&dio->ref);			/* iomap_dio_submit_bio */
	queue_work(system_wq, &dio->bio_end);
#ifdef FIXED
	wait_for_completion = dio->wait_for_completion;
	if (!atomic_dec_and_test(&dio->ref)) {
		if (!wait_for_completion)
			return -EIOCBQUEUED;
	}
#else
	if (!atomic_dec_and_test(&dio->ref)) {
		if (!dio->wait_for_completion)
			return -EIOCBQUEUED;
	}
#endif
	return iomap_dio_complete(dio);
}

WEFT_TEST(aio_dio)
{
	iomap_dio_rw(false);
	flush_workqueue(system_wq);
}
