//! expect: bug use-after-free
//! args: --strategy=dfs
/* The main thread deletes a node that a reader thread may still use:
 * operator new and delete are on weft's tracked heap, so the late read
 * is a use-after-free (delete_ok.cpp joins the reader first). */
#include <pthread.h>
#include <string>

struct Node {
	int value;
	std::string name;
};

static Node *shared;
int seen; /* not static: the reads must stay */

static void *reader(void *)
{
	seen = shared->value;
	return nullptr;
}

int main()
{
	pthread_t t;

	shared = new Node{ 7, "seven" };
	pthread_create(&t, nullptr, reader, nullptr);
	delete shared;
	pthread_join(t, nullptr);
	return 0;
}
