// A driver's device embeds its private data, and a sysfs-style reader
// holds a reference (get_device) while it reads it.  The buggy remove
// path frees the structure right after device_unregister, while the
// reader may still use it: a use-after-free.  device_release_ok.c frees
// it in the release callback, which the last put_device calls, whoever
// drops it (Documentation/core-api/kobject.rst).  no_release: a device
// whose last reference is dropped with no release callback is the
// kernel's WARN.  put_twice: a reader that drops its reference twice
// underflows the count.  <linux/device.h> had no reference count (a
// probe of Linux driver code).
//! expect(remove_vs_show): bug use-after-free
//! expect(no_release): bug assertion
//! expect(put_twice): bug refcount
#include <linux/device.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct mydev {
	struct device dev;
	unsigned long rx_packets;
};

static void mydev_release(struct device *dev)
{
#ifdef FIXED
	kfree(container_of(dev, struct mydev, dev));
#else
	(void)dev; /* freed in remove instead */
#endif
}

static struct mydev *shown;

/* The sysfs show method, run with the reference its caller took. */
static void show_fn(struct work_struct *w)
{
	struct mydev *m = READ_ONCE(shown);
	unsigned long v = m->rx_packets;

	(void)w;
	(void)v;
	put_device(&m->dev);
}
static DECLARE_WORK(show_work, show_fn);

WEFT_TEST(remove_vs_show)
{
	struct mydev *m = kzalloc(sizeof(*m), GFP_KERNEL);

	m->dev.init_name = "mydev0";
	m->dev.release = mydev_release;
	device_register(&m->dev);
	/* A read of the attribute: the reader's reference, then the show. */
	get_device(&m->dev);
	WRITE_ONCE(shown, m);
	schedule_work(&show_work);
	/* remove(): */
	device_unregister(&m->dev);
#ifndef FIXED
	kfree(m);
#endif
	flush_work(&show_work);
}

static void static_release(struct device *dev)
{
	(void)dev;
}

WEFT_TEST(no_release)
{
	static struct device d = { .init_name = "nodev0" };

#ifdef FIXED
	d.release = static_release;
#endif
	device_initialize(&d);
	put_device(&d);
}

static struct device counted = { .init_name = "counted0",
				 .release = static_release };

static void reader_fn(struct work_struct *w)
{
	(void)w;
	put_device(&counted);
#ifndef FIXED
	put_device(&counted); /* one get, two puts */
#endif
}
static DECLARE_WORK(reader_work, reader_fn);

WEFT_TEST(put_twice)
{
	device_initialize(&counted);
	get_device(&counted);
	schedule_work(&reader_work);
	flush_work(&reader_work);
	put_device(&counted);
}
