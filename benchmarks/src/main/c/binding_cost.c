// SPDX-License-Identifier: Apache-2.0
/*
 * The C baseline of the binding-cost benchmarks: the per-packet cost of the wintun.dll calls made
 * straight from C, against the wintun4j ABI simulator (windows/src/test/c/wintun_sim.c), which it
 * opens with dlopen() as the Java bindings do. The JMH benchmarks in
 * io.github.wintun4j.benchmarks.binding make the same calls through the public API; the ratio of the
 * two is what the Java side (binding and session) adds.
 *
 * Cases, each for 64- and 1500-byte packets, one thread, average time per packet:
 *   receive+release      WintunReceivePacket + WintunReleaseReceivePacket
 *   allocate+send        WintunAllocateSendPacket + WintunSendPacket
 *   allocate+send+probe  the same, plus the failing WintunAllocateSendPacket(capacity) that
 *                        wintun4j's session makes after every send to learn whether the adapter went
 *                        away (the API reports ERROR_HANDLE_EOF from such a send)
 *
 * Threads: every case runs twice. First in a process of one thread (case names suffixed "/1thread"):
 * there glibc's pthread_mutex_lock/unlock, which the simulator takes around every call, skip their
 * atomic instructions (glibc's single-thread fast path), so these numbers are lower than any real
 * caller gets. Then again after starting one idle thread (the plain case names): the mutexes now use
 * atomic instructions, as they always do in a JVM (which runs many threads) and as wintun.dll's
 * critical sections always do on Windows. The Java benchmarks are compared with the second run.
 *
 * The receive ring is filled once with as many packets as it holds and refilled with the
 * simulator's replay hook (no copying) when a receive finds it empty; sent packets are discarded
 * by the simulator unseen (its discard hook). Neither side touches the packets' bytes.
 *
 * Usage: binding_cost <absolute path of libwintun4j-sim.so> [seconds per round] [rounds]
 * Prints one line per case: "<case>[/1thread] <size> <mean ns/packet> <min ns/packet>" over the rounds.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef void *HANDLE;
typedef uint32_t DWORD;
typedef int32_t BOOL;
typedef uint8_t BYTE;
typedef uint16_t WCHAR;

/* wintun.h 0.14, and the simulator's hooks. */
static HANDLE (*WintunCreateAdapter)(const WCHAR *, const WCHAR *, const void *);
static void (*WintunCloseAdapter)(HANDLE);
static void (*WintunGetAdapterLUID)(HANDLE, uint64_t *);
static HANDLE (*WintunStartSession)(HANDLE, DWORD);
static void (*WintunEndSession)(HANDLE);
static BYTE *(*WintunReceivePacket)(HANDLE, DWORD *);
static void (*WintunReleaseReceivePacket)(HANDLE, const BYTE *);
static BYTE *(*WintunAllocateSendPacket)(HANDLE, DWORD);
static void (*WintunSendPacket)(HANDLE, const BYTE *);
static BOOL (*WintunSimDeliver)(uint64_t, const BYTE *, const DWORD *, DWORD);
static BOOL (*WintunSimReplayReceived)(uint64_t);
static BOOL (*WintunSimDiscardSent)(uint64_t, BOOL);

/* The ring capacity of the JMH benchmarks (and of Wintun's example program). */
#define CAPACITY 0x400000u
/* wintun.h: ERROR_NO_MORE_ITEMS, the simulator's errno for an empty ring. */
#define ERROR_NO_MORE_ITEMS 259

static void *symbol(void *library, const char *name)
{
    void *found = dlsym(library, name);
    if (!found) {
        fprintf(stderr, "binding_cost: %s not found: %s\n", name, dlerror());
        exit(2);
    }
    return found;
}

static double now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static HANDLE session;
static uint64_t luid;
static volatile uint64_t sink; /* keeps the compiler from dropping the loops' results */

/* How many records of this size fit the ring at once (one 4-byte unit stays free). */
static DWORD ring_packets(DWORD size)
{
    return (CAPACITY - 4) / ((4 + size + 3) & ~3u);
}

/* Fills the receive ring with one batch of valid-looking IPv4 packets of this size. */
static void fill_receive_ring(DWORD size)
{
    DWORD count = ring_packets(size);
    BYTE *packets = calloc(count, size);
    DWORD *sizes = malloc(count * sizeof *sizes);
    for (DWORD i = 0; i < count; i++) {
        packets[(size_t)i * size] = 0x45;
        sizes[i] = size;
    }
    if (!packets || !WintunSimDeliver(luid, packets, sizes, count)) {
        fprintf(stderr, "binding_cost: could not fill the receive ring\n");
        exit(2);
    }
    free(packets);
    free(sizes);
}

static void receive_release(long n)
{
    uint64_t total = 0;
    for (long i = 0; i < n; i++) {
        DWORD size;
        BYTE *packet = WintunReceivePacket(session, &size);
        if (!packet) {
            if (errno != ERROR_NO_MORE_ITEMS || !WintunSimReplayReceived(luid)
                || !(packet = WintunReceivePacket(session, &size))) {
                fprintf(stderr, "binding_cost: receive failed (%d)\n", errno);
                exit(2);
            }
        }
        total += size;
        WintunReleaseReceivePacket(session, packet);
    }
    sink += total;
}

static DWORD send_size;

static void allocate_send(long n)
{
    for (long i = 0; i < n; i++) {
        BYTE *packet = WintunAllocateSendPacket(session, send_size);
        if (!packet) {
            fprintf(stderr, "binding_cost: allocate failed (%d)\n", errno);
            exit(2);
        }
        WintunSendPacket(session, packet);
    }
}

static void allocate_send_probe(long n)
{
    uint64_t errors = 0;
    for (long i = 0; i < n; i++) {
        BYTE *packet = WintunAllocateSendPacket(session, send_size);
        if (!packet) {
            fprintf(stderr, "binding_cost: allocate failed (%d)\n", errno);
            exit(2);
        }
        WintunSendPacket(session, packet);
        if (!WintunAllocateSendPacket(session, CAPACITY)) /* never fits: the session's end-of-adapter probe */
            errors += (uint64_t)errno;
    }
    sink += errors;
}

/* The idle thread that makes the process multi-threaded. */
static void *idle(void *unused)
{
    (void)unused;
    for (;;)
        pause();
    return NULL;
}

/* Runs one case: a warm-up round, then rounds of about `seconds` each; prints mean and min ns/packet. */
static const char *suffix = "/1thread"; /* until the idle thread runs */

static void run(const char *name, DWORD size, void (*loop)(long), double seconds, int rounds)
{
    long n = 1000;
    double start = now_ns();
    loop(n);
    while (now_ns() - start < seconds * 1e9) { /* warm-up, and the count of one round */
        n *= 2;
        double t = now_ns();
        loop(n);
        if (now_ns() - t > seconds * 1e9 / 2)
            break;
    }
    double sum = 0, min = 1e30;
    for (int r = 0; r < rounds; r++) {
        double t = now_ns();
        loop(n);
        double per = (now_ns() - t) / (double)n;
        sum += per;
        if (per < min)
            min = per;
    }
    printf("%s%s %u %.2f %.2f\n", name, suffix, size, sum / rounds, min);
    fflush(stdout);
}

/* Every case for both sizes, each on a fresh adapter and session (as each JMH trial has); 0 when done. */
static int run_all(double seconds, int rounds)
{
    static const WCHAR name[] = {'b', 'e', 'n', 'c', 'h', 0};
    static const WCHAR type[] = {'w', 'i', 'n', 't', 'u', 'n', '4', 'j', 0};
    static const DWORD sizes[] = {64, 1500};
    for (int s = 0; s < 2; s++) {
        HANDLE adapter = WintunCreateAdapter(name, type, NULL);
        if (!adapter || !(WintunGetAdapterLUID(adapter, &luid), session = WintunStartSession(adapter, CAPACITY))) {
            fprintf(stderr, "binding_cost: cannot start a session (%d)\n", errno);
            return 2;
        }
        WintunSimDiscardSent(luid, 1);
        fill_receive_ring(sizes[s]);
        send_size = sizes[s];
        run("receive+release", sizes[s], receive_release, seconds, rounds);
        run("allocate+send", sizes[s], allocate_send, seconds, rounds);
        run("allocate+send+probe", sizes[s], allocate_send_probe, seconds, rounds);
        WintunEndSession(session);
        WintunCloseAdapter(adapter);
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2 || argv[1][0] != '/') {
        fprintf(stderr, "usage: binding_cost <absolute path of libwintun4j-sim.so> [seconds per round] [rounds]\n");
        return 2;
    }
    double seconds = argc > 2 ? atof(argv[2]) : 1.0;
    int rounds = argc > 3 ? atoi(argv[3]) : 5;
    void *library = dlopen(argv[1], RTLD_NOW);
    if (!library) {
        fprintf(stderr, "binding_cost: %s\n", dlerror());
        return 2;
    }
    *(void **)&WintunCreateAdapter = symbol(library, "WintunCreateAdapter");
    *(void **)&WintunCloseAdapter = symbol(library, "WintunCloseAdapter");
    *(void **)&WintunGetAdapterLUID = symbol(library, "WintunGetAdapterLUID");
    *(void **)&WintunStartSession = symbol(library, "WintunStartSession");
    *(void **)&WintunEndSession = symbol(library, "WintunEndSession");
    *(void **)&WintunReceivePacket = symbol(library, "WintunReceivePacket");
    *(void **)&WintunReleaseReceivePacket = symbol(library, "WintunReleaseReceivePacket");
    *(void **)&WintunAllocateSendPacket = symbol(library, "WintunAllocateSendPacket");
    *(void **)&WintunSendPacket = symbol(library, "WintunSendPacket");
    *(void **)&WintunSimDeliver = symbol(library, "WintunSimDeliver");
    *(void **)&WintunSimReplayReceived = symbol(library, "WintunSimReplayReceived");
    *(void **)&WintunSimDiscardSent = symbol(library, "WintunSimDiscardSent");

    if (run_all(seconds, rounds) != 0)
        return 2;
    pthread_t thread;
    if (pthread_create(&thread, NULL, idle, NULL) != 0) {
        fprintf(stderr, "binding_cost: cannot start the idle thread\n");
        return 2;
    }
    suffix = "";
    if (run_all(seconds, rounds) != 0)
        return 2;
    return (int)(sink & 0);
}
