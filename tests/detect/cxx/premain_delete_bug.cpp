//! expect: bug use-after-free
//! args: --strategy=dfs
/* delete_bug.cpp with the node made by a global's initialiser, before
 * main: the main thread deletes it while a reader thread may still use it.
 * Objects new'ed before main are on the tracked heap like the others, so
 * the late read is a use-after-free (it was missed, and the program
 * verified, when they were libc's).  premain_delete_ok.cpp joins the
 * reader first. */
#include <pthread.h>
#include <string>

struct Node {
	int value;
	std::string name;
};

static Node *shared = new Node{ 7, "seven" };
int seen; /* not static: the reads must stay */

static void *reader(void *)
{
	seen = shared->value;
	return nullptr;
}

int main()
{
	pthread_t t;

	pthread_create(&t, nullptr, reader, nullptr);
	delete shared;
	pthread_join(t, nullptr);
	return 0;
}
