/* linux/fs.h - weft's kernel header tree: what a character driver's
 * file operations are written against, and no more: struct
 * file_operations, and a struct inode and struct file with the fields
 * drivers read (the device number, the open flags and mode, the file
 * position, private_data).  A test calls the driver's operations itself,
 * with files it sets up (a struct file on each thread that plays an
 * opener); the VFS around them, and registering a character device with
 * it, is not modelled, and those calls fail to compile with a message
 * that says so. */
#ifndef WEFT_KERNEL_LINUX_FS_H
#define WEFT_KERNEL_LINUX_FS_H
#include <linux/weft_kernel.h>
#include <linux/fcntl.h>
#include <linux/uaccess.h>

#ifndef __USE_MISC
typedef __loff_t loff_t;
#endif
typedef unsigned short umode_t;

/* Device numbers as the kernel packs them (<linux/kdev_t.h>). */
#define MINORBITS 20
#define MINORMASK ((1u << MINORBITS) - 1)
#define MAJOR(dev) ((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev) ((unsigned int)((dev) & MINORMASK))
#define MKDEV(ma, mi) (((dev_t)(ma) << MINORBITS) | (dev_t)(mi))

#define FMODE_READ ((fmode_t)0x1)
#define FMODE_WRITE ((fmode_t)0x2)
#define FMODE_LSEEK ((fmode_t)0x4)
#define FMODE_PREAD ((fmode_t)0x8)
#define FMODE_PWRITE ((fmode_t)0x10)
#define FMODE_EXEC ((fmode_t)0x20)
#define FMODE_ATOMIC_POS ((fmode_t)0x8000)
#define FMODE_STREAM ((fmode_t)0x200000)

struct cdev;
struct kiocb;
struct iov_iter;
struct poll_table_struct;
struct vm_area_struct;
struct file_lock;

struct inode {
	umode_t i_mode;
	dev_t i_rdev;
	loff_t i_size;
	struct cdev *i_cdev;
	void *i_private;
};

struct file_operations;

struct file {
	fmode_t f_mode;
	unsigned int f_flags;
	loff_t f_pos;
	struct inode *f_inode;
	const struct file_operations *f_op;
	void *private_data;
};

struct file_operations {
	struct module *owner;
	loff_t (*llseek)(struct file *, loff_t, int);
	ssize_t (*read)(struct file *, char __user *, size_t, loff_t *);
	ssize_t (*write)(struct file *, const char __user *, size_t, loff_t *);
	ssize_t (*read_iter)(struct kiocb *, struct iov_iter *);
	ssize_t (*write_iter)(struct kiocb *, struct iov_iter *);
	__poll_t (*poll)(struct file *, struct poll_table_struct *);
	long (*unlocked_ioctl)(struct file *, unsigned int, unsigned long);
	long (*compat_ioctl)(struct file *, unsigned int, unsigned long);
	int (*mmap)(struct file *, struct vm_area_struct *);
	int (*open)(struct inode *, struct file *);
	int (*flush)(struct file *, void *);
	int (*release)(struct inode *, struct file *);
	int (*fsync)(struct file *, loff_t, loff_t, int);
	int (*fasync)(int, struct file *, int);
	int (*lock)(struct file *, int, struct file_lock *);
};

/* Plain reads of the structures (never block, no step). */
static inline unsigned int iminor(const struct inode *inode)
{
	return MINOR(inode->i_rdev);
}
static inline unsigned int imajor(const struct inode *inode)
{
	return MAJOR(inode->i_rdev);
}
static inline struct inode *file_inode(const struct file *f)
{
	return f->f_inode;
}
/* As the kernel's: the file loses its seek and positional modes. */
static inline int nonseekable_open(struct inode *inode, struct file *filp)
{
	(void)inode;
	filp->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
	return 0;
}
static inline int stream_open(struct inode *inode, struct file *filp)
{
	(void)inode;
	filp->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE |
			  FMODE_ATOMIC_POS);
	filp->f_mode |= FMODE_STREAM;
	return 0;
}
static inline loff_t no_llseek(struct file *f, loff_t off, int whence)
{
	(void)f, (void)off, (void)whence;
	return -ESPIPE;
}
static inline loff_t noop_llseek(struct file *f, loff_t off, int whence)
{
	(void)off, (void)whence;
	return f->f_pos;
}

/* The libfs helpers' bounds: how many of count bytes lie at *ppos in a
 * buffer of available bytes (0 past its end), or -EINVAL. */
static inline ssize_t weft_kx_simple_span(const loff_t *ppos, size_t count,
					  size_t available)
{
	loff_t pos = *ppos;

	if (pos < 0)
		return -EINVAL;
	if ((size_t)pos >= available || !count)
		return 0;
	return (ssize_t)(count > available - (size_t)pos
				 ? available - (size_t)pos
				 : count);
}

/* A read of the bytes from..from+available at *ppos, as the kernel's
 * libfs helper: at most count, *ppos moved on by what was copied. */
static inline ssize_t weft_kx_simple_read(void __user *to, size_t count,
					  loff_t *ppos, const void *from,
					  size_t available,
					  const struct weft_loc *loc)
{
	ssize_t n = weft_kx_simple_span(ppos, count, available);

	if (n <= 0)
		return n;
	if (weft_kx_copy_user(to, (const char *)from + *ppos, (size_t)n,
			      "simple_read_from_buffer", loc))
		return -EFAULT;
	*ppos += n;
	return n;
}

/* The write the other way: into to..to+available at *ppos. */
static inline ssize_t weft_kx_simple_write(void *to, size_t available,
					   loff_t *ppos,
					   const void __user *from,
					   size_t count,
					   const struct weft_loc *loc)
{
	ssize_t n = weft_kx_simple_span(ppos, count, available);

	if (n <= 0)
		return n;
	if (weft_kx_copy_user((char *)to + *ppos, from, (size_t)n,
			      "simple_write_to_buffer", loc))
		return -EFAULT;
	*ppos += n;
	return n;
}
#define simple_read_from_buffer(to, count, ppos, from, available)             \
	weft_kx_simple_read((to), (count), (ppos), (from), (available),       \
			    WEFT_HERE)
#define simple_write_to_buffer(to, available, ppos, from, count)              \
	weft_kx_simple_write((to), (available), (ppos), (from), (count),      \
			     WEFT_HERE)

/* The VFS's side: registering device numbers and seeking under the
 * inode's lock. */
#define WEFT_KX_CHRDEV                                                        \
	WEFT_KX_UNMODELLED("character device registration (the VFS is not "   \
			   "modelled: call the driver's file_operations from " \
			   "the test)")
WEFT_KX_CHRDEV int register_chrdev(unsigned int major, const char *name,
				   const struct file_operations *fops);
WEFT_KX_CHRDEV void unregister_chrdev(unsigned int major, const char *name);
WEFT_KX_CHRDEV int alloc_chrdev_region(dev_t *dev, unsigned int first,
				       unsigned int count, const char *name);
WEFT_KX_CHRDEV int register_chrdev_region(dev_t from, unsigned int count,
					  const char *name);
WEFT_KX_CHRDEV void unregister_chrdev_region(dev_t from, unsigned int count);
WEFT_KX_UNMODELLED("default_llseek/generic_file_llseek (the inode lock)")
loff_t default_llseek(struct file *f, loff_t off, int whence);
WEFT_KX_UNMODELLED("default_llseek/generic_file_llseek (the inode lock)")
loff_t generic_file_llseek(struct file *f, loff_t off, int whence);
WEFT_KX_UNMODELLED("fasync_helper/kill_fasync (signals to openers)")
int fasync_helper(int fd, struct file *filp, int on, void *fapp);
#endif
