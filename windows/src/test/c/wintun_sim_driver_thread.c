// SPDX-License-Identifier: Apache-2.0
/*
 * Part of wintun_sim.c (included at its end; it needs the session's layout): the driver on threads of its own,
 * a mode a test selects with WintunSimUseDriverThreads before it starts a session.
 *
 * In the default mode the simulator's "driver" works inside the application's calls: WintunSendPacket consumes
 * what it made visible, WintunSimDeliver writes the receive ring on the caller's thread. The real driver works
 * beside the application, and so do these two threads per session:
 *
 *  - The consumer, as TunProcessReceiveData in WireGuard/wintun driver/wintun.c drains the application's send
 *    ring: it reads Tail; when the ring is empty it spins for up to 0.1 ms (ZwYieldExecution), then sets
 *    Alertable, reads Tail once more, and only when still empty waits on the session's "tail moved" event and
 *    the disconnect; after the wait it clears Alertable; when the second look found a packet, it clears
 *    Alertable and resets the event (KeClearEvent). It moves Head after each packet; a corrupt record or the end
 *    of the session makes it stop and set Head to 0xFFFFFFFF.
 *  - WintunSendPacket's side of that (api/session.c): under the send lock it publishes the new Tail and sets
 *    the event only when it reads Alertable as set. Wintun 0.14.1 reads Alertable without a barrier after the
 *    store to Tail (wintun commit ec0a6b9 adds the MemoryBarrier): that missed wake-up is the DLL's, it stalls
 *    the driver and no binding can fix it, so the simulator keeps the fixed order (sequentially consistent).
 *  - The stack, as TunSendNetBufferLists fills the receive ring: it takes the batches WintunSimDeliver hands it,
 *    writes each whole or drops it, moves Tail and sets the read-wait event every time (KeSetEvent, no
 *    Alertable on this ring: api/session.c never sets it, and WintunGetReadWaitEvent is that event).
 *
 * WintunEndSession stops and joins both threads before the session goes, as closing the session's handle makes
 * the driver wait for its thread (TunUnregisterBuffers). Removal of the adapter only disconnects them.
 */
#include <sched.h>

struct inbound_batch {
    struct inbound_batch *next;
    const BYTE *packets;
    const DWORD *sizes;
    DWORD count;
    int done;
    int delivered;
};

struct driver_thread {
    struct event *tail_moved;   /* the application's "tail moved" event of the send ring: auto-reset */
    struct event *disconnected; /* manual-reset: the session ends or the adapter goes */
    atomic_int stopping;
    pthread_t consumer;
    pthread_t stack;
    int joined;
    pthread_mutex_t lock;       /* the stack's queue; never held while taking g_lock */
    pthread_cond_t changed;     /* a batch queued, a batch done, or stopping */
    struct inbound_batch *first, *last;
    atomic_ulong moved;         /* packets the two threads moved: shows that the mode is in effect */
};

static atomic_int g_driver_threads; /* the mode for sessions started from now on */

#define CONSUMER_SPIN_NANOS 100000 /* driver/wintun.c: SpinMax = Frequency / 1000 / 10, 0.1 ms */

static void event_reset(struct event *event)
{
    pthread_mutex_lock(&event_lock);
    event->signaled = 0;
    pthread_mutex_unlock(&event_lock);
}

static uint64_t monotonic_nanos(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (uint64_t)now.tv_sec * 1000000000u + (uint64_t)now.tv_nsec;
}

static uint32_t load_tail(struct ring *ring)
{
    return __atomic_load_n(&ring->tail, __ATOMIC_SEQ_CST);
}

/* TunProcessReceiveData's wait for the next packet; returns the Tail it saw, or the old head when stopping. */
static uint32_t consumer_wait(struct session *session, struct driver_thread *driver, uint32_t head)
{
    uint32_t tail = load_tail(session->tx);
    if (tail != head)
        return tail;
    uint64_t spin_start = monotonic_nanos();
    while ((tail = load_tail(session->tx)) == head && !atomic_load(&driver->stopping)
           && monotonic_nanos() - spin_start < CONSUMER_SPIN_NANOS)
        sched_yield();
    if (tail != head)
        return tail;
    __atomic_store_n(&session->tx->alertable, 1, __ATOMIC_SEQ_CST);
    tail = load_tail(session->tx);
    if (tail == head) {
        HANDLE events[2] = {driver->disconnected, driver->tail_moved};
        wait_for(2, events, 0, INFINITE);
        __atomic_store_n(&session->tx->alertable, 0, __ATOMIC_SEQ_CST);
        return load_tail(session->tx);
    }
    __atomic_store_n(&session->tx->alertable, 0, __ATOMIC_SEQ_CST);
    event_reset(driver->tail_moved);
    return tail;
}

static void *consumer_main(void *argument)
{
    struct session *session = argument;
    struct driver_thread *driver = session->driver_thread;
    uint32_t mask = session->capacity - 1;
    uint32_t head = __atomic_load_n(&session->tx->head, __ATOMIC_ACQUIRE);
    while (head < session->capacity && !atomic_load(&driver->stopping)) {
        uint32_t tail = consumer_wait(session, driver, head);
        if (tail == head)
            continue;
        if (tail >= session->capacity)
            break;
        uint32_t content = (tail - head) & mask;
        uint32_t size;
        memcpy(&size, session->tx->data + head, 4);
        if (content < 4 || size > MAX_IP_PACKET_SIZE || align4(size) > content)
            break; /* a corrupt ring: the driver stops */
        const uint8_t *packet = session->tx->data + head + 4;
        atomic_fetch_add(&driver->moved, 1); /* before the network can see it */
        int maybe_echo = !__atomic_load_n(&session->tx_discard, __ATOMIC_ACQUIRE) && driver_take(session, packet, size);
        if (maybe_echo)
            driver_answer(session, packet, size);
        uint32_t next = (head + align4(size)) & mask;
        /* Head moves unless the session ended meanwhile (session_terminate set it to 0xFFFFFFFF). */
        if (!__atomic_compare_exchange_n(&session->tx->head, &head, next, 0, __ATOMIC_RELEASE, __ATOMIC_ACQUIRE))
            break;
        head = next;
    }
    __atomic_store_n(&session->tx->head, RING_ENDED, __ATOMIC_RELEASE);
    return NULL;
}

static void *stack_main(void *argument)
{
    struct session *session = argument;
    struct driver_thread *driver = session->driver_thread;
    pthread_mutex_lock(&driver->lock);
    for (;;) {
        while (!driver->first && !atomic_load(&driver->stopping))
            pthread_cond_wait(&driver->changed, &driver->lock);
        struct inbound_batch *batch = driver->first;
        if (!batch)
            break;
        driver->first = batch->next;
        if (!driver->first)
            driver->last = NULL;
        if (!atomic_load(&driver->stopping)) {
            pthread_mutex_unlock(&driver->lock);
            batch->delivered = deliver_batch(session, batch->packets, batch->sizes, batch->count);
            if (batch->delivered)
                atomic_fetch_add(&driver->moved, batch->count);
            pthread_mutex_lock(&driver->lock);
        }
        batch->done = 1;
        pthread_cond_broadcast(&driver->changed);
    }
    pthread_mutex_unlock(&driver->lock);
    return NULL;
}

/* Starts the two threads when the mode is on; returns 0 or an error. The session is new and not yet shared. */
static int driver_thread_start(struct session *session)
{
    if (!atomic_load(&g_driver_threads))
        return 0;
    struct driver_thread *driver = calloc(1, sizeof *driver);
    if (!driver)
        return ERROR_NOT_ENOUGH_MEMORY;
    driver->tail_moved = event_new(0, 0);
    driver->disconnected = event_new(1, 0);
    pthread_mutex_init(&driver->lock, NULL);
    pthread_cond_init(&driver->changed, NULL);
    session->driver_thread = driver;
    int consumer = driver->tail_moved && driver->disconnected
                   && pthread_create(&driver->consumer, NULL, consumer_main, session) == 0;
    int stack = consumer && pthread_create(&driver->stack, NULL, stack_main, session) == 0;
    if (stack)
        return 0;
    atomic_store(&driver->stopping, 1);
    if (driver->disconnected)
        event_set(driver->disconnected);
    if (consumer)
        pthread_join(driver->consumer, NULL);
    driver->joined = 1;
    return ERROR_NOT_ENOUGH_MEMORY;
}

/* The session ends or its adapter goes: both threads stop soon. Any thread, any lock. */
static void driver_thread_disconnect(struct session *session)
{
    struct driver_thread *driver = session->driver_thread;
    if (!driver)
        return;
    atomic_store(&driver->stopping, 1);
    event_set(driver->disconnected);
    pthread_mutex_lock(&driver->lock);
    pthread_cond_broadcast(&driver->changed);
    pthread_mutex_unlock(&driver->lock);
}

/* WintunEndSession: disconnects and waits for both threads. Under no lock (they may take g_lock). */
static void driver_thread_stop(struct session *session)
{
    struct driver_thread *driver = session->driver_thread;
    if (!driver || driver->joined)
        return;
    driver_thread_disconnect(session);
    pthread_join(driver->consumer, NULL);
    pthread_join(driver->stack, NULL);
    driver->joined = 1;
}

/* From session_free, when nobody uses the session any more. */
static void driver_thread_free(struct session *session)
{
    struct driver_thread *driver = session->driver_thread;
    if (!driver)
        return;
    driver_thread_stop(session);
    if (driver->tail_moved)
        event_free(driver->tail_moved);
    if (driver->disconnected)
        event_free(driver->disconnected);
    pthread_mutex_destroy(&driver->lock);
    pthread_cond_destroy(&driver->changed);
    free(driver);
    session->driver_thread = NULL;
}

/* WintunSendPacket with the driver on its thread: publish Tail, wake the consumer only if it is alertable. */
static void driver_thread_send(struct session *session, const BYTE *packet)
{
    pthread_mutex_lock(&session->tx_lock);
    int64_t tail = records_finish(&session->tx_pending, (uint32_t)(packet - 4 - session->tx->data));
    if (tail >= 0 && (uint32_t)tail != session->tx->tail) {
        __atomic_store_n(&session->tx->tail, (uint32_t)tail, __ATOMIC_SEQ_CST);
        if (__atomic_load_n(&session->tx->alertable, __ATOMIC_SEQ_CST))
            event_set(session->driver_thread->tail_moved);
    }
    pthread_mutex_unlock(&session->tx_lock);
}

/* WintunSimDeliver with the driver on its thread: the stack thread writes the batch; waits for its answer. */
static int driver_thread_deliver(struct session *session, const BYTE *packets, const DWORD *sizes, DWORD count)
{
    struct driver_thread *driver = session->driver_thread;
    struct inbound_batch batch = {NULL, packets, sizes, count, 0, 0};
    pthread_mutex_lock(&driver->lock);
    if (atomic_load(&driver->stopping)) {
        pthread_mutex_unlock(&driver->lock);
        return 0;
    }
    if (driver->last)
        driver->last->next = &batch;
    else
        driver->first = &batch;
    driver->last = &batch;
    pthread_cond_broadcast(&driver->changed);
    while (!batch.done)
        pthread_cond_wait(&driver->changed, &driver->lock);
    pthread_mutex_unlock(&driver->lock);
    return batch.delivered;
}

/* Test hook: sessions started from now on get the driver threads (on) or work inside the calls (off). */
EXPORT void WintunSimUseDriverThreads(BOOL on)
{
    atomic_store(&g_driver_threads, on != 0);
}

/* Test hook: how many packets the driver threads of the adapter's session moved; 0 without such threads. */
EXPORT ULONG64 WintunSimDriverThreadMoves(ULONG64 luid)
{
    struct session *session = NULL;
    struct adapter *adapter = hook_enter(luid, 0, &session);
    if (!adapter)
        return 0;
    ULONG64 moved = session && session->driver_thread ? atomic_load(&session->driver_thread->moved) : 0;
    hook_exit(adapter, session);
    return moved;
}
