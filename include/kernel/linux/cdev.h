/* linux/cdev.h - weft's kernel header tree: a struct cdev that a driver
 * embeds and sets up with cdev_init (which only fills it in, as the
 * kernel's does); adding it to the system (cdev_add, cdev_del) is the
 * VFS's side, not modelled: a use fails to compile, saying so. */
#ifndef WEFT_KERNEL_LINUX_CDEV_H
#define WEFT_KERNEL_LINUX_CDEV_H
#include <linux/weft_kernel.h>
#include <linux/fs.h>

struct device;

struct cdev {
	struct module *owner;
	const struct file_operations *ops;
	dev_t dev;
	unsigned int count;
};

static inline void cdev_init(struct cdev *cdev,
			     const struct file_operations *fops)
{
	memset(cdev, 0, sizeof(*cdev));
	cdev->ops = fops;
}

#define WEFT_KX_CDEV                                                          \
	WEFT_KX_UNMODELLED("cdev_add/cdev_del (the VFS is not modelled: call " \
			   "the driver's file_operations from the test)")
WEFT_KX_CDEV int cdev_add(struct cdev *cdev, dev_t dev, unsigned int count);
WEFT_KX_CDEV void cdev_del(struct cdev *cdev);
WEFT_KX_CDEV int cdev_device_add(struct cdev *cdev, struct device *dev);
WEFT_KX_CDEV void cdev_device_del(struct cdev *cdev, struct device *dev);
#endif
