/* Normal (default) mutexes in the single-threaded build count their locks:
 * relocking succeeds, an unlock too many is EPERM. (Recursive and
 * error-checking mutexes follow POSIX in libc-wasip1, where wasi-libc's
 * stub swaps them; they are not compared here.) */
#include <stdio.h>
#include <time.h>

/* Debian's 2022 wasi-libc headers have no <pthread.h>: wasi-libc's ABI,
 * declared here (musl's pthread_mutex_t is 24 bytes, its attribute 4). */
typedef struct { int i[6]; } pthread_mutex_t;
typedef struct { unsigned attr; } pthread_mutexattr_t;
#define PTHREAD_MUTEX_INITIALIZER {{0}}
#define PTHREAD_MUTEX_NORMAL 0
int pthread_mutex_init(pthread_mutex_t *, const pthread_mutexattr_t *);
int pthread_mutex_lock(pthread_mutex_t *);
int pthread_mutex_trylock(pthread_mutex_t *);
int pthread_mutex_timedlock(pthread_mutex_t *, const struct timespec *);
int pthread_mutex_unlock(pthread_mutex_t *);
int pthread_mutex_destroy(pthread_mutex_t *);
int pthread_mutexattr_init(pthread_mutexattr_t *);
int pthread_mutexattr_settype(pthread_mutexattr_t *, int);

static void run(const char *name, pthread_mutex_t *m) {
    struct timespec past = {0, 0};
    printf("%s:", name);
    printf(" lock %d", pthread_mutex_lock(m));
    printf(" trylock %d", pthread_mutex_trylock(m));
    printf(" lock %d", pthread_mutex_lock(m));
    printf(" timedlock %d", pthread_mutex_timedlock(m, &past));
    for (int i = 0; i < 6; i++) printf(" unlock %d", pthread_mutex_unlock(m));
    printf(" trylock %d unlock %d\n", pthread_mutex_trylock(m), pthread_mutex_unlock(m));
}

int main(void) {
    pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER, b, c;
    pthread_mutexattr_t attr;
    pthread_mutex_init(&b, NULL);
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_NORMAL);
    pthread_mutex_init(&c, &attr);
    run("static", &a);
    run("init NULL", &b);
    run("attr NORMAL", &c);
    printf("destroy %d\n", pthread_mutex_destroy(&c));
    return 0;
}
