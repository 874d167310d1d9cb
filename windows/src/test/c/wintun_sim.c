// SPDX-License-Identifier: Apache-2.0
/*
 * The wintun4j ABI simulator: a stand-in for wintun.dll (0.14), plus the kernel32 and IP Helper
 * functions the wintun4j bindings call, for running those bindings unchanged on Linux.
 *
 * Written from the behaviour described in the project's wintun-reference.md (sections 1 to 5), not
 * from Wintun's sources. It exports the same 14 functions with the Windows x64 types
 * (wintun_sim_types.h) and reports failures the way a binding reads GetLastError on this platform:
 * through errno, set to the Windows error code.
 *
 *  - Rings: each session has two rings of 12 + Capacity + 0x10000 bytes (Head, Tail, Alertable, data);
 *    packets are a little-endian uint32 size and the bytes, 4-byte aligned, never split; one 4-byte unit
 *    stays free; release in any order reclaims the released prefix; sends become visible in allocation
 *    order; receive checks end of ring, then empty, then an impossible record.
 *  - Adapters: a name that is an interface's alias renames that interface, a Wintun adapter or another
 *    (wintun_sim_foreign.c), "Name 1", "Name 2"... (ERROR_BUFFER_OVERFLOW when that is over 127 units, as
 *    Wintun's NciSetAdapterName fails); names of at most 127, tunnel types of at most 128
 *    units; LUID (53 << 48) | (NetLuidIndex << 24); case-insensitive open; ERROR_NOT_FOUND,
 *    ERROR_ALREADY_INITIALIZED; a requested GUID in use gives the new adapter a random one.
 *  - The driver side runs inside the application's calls (or, when a test selects it, on threads of its own
 *    with Wintun's Alertable and event protocol: wintun_sim_driver_thread.c): a sent packet is consumed at once; IP
 *    packets (IPv4 >= 20 bytes, IPv6 >= 40) are queued for the tests, others dropped and counted; an
 *    ICMP echo request to one of the adapter's addresses is answered, as the Windows stack would.
 *  - Test hooks (WintunSim*) play the network: deliver batches, take what was sent, read the drop
 *    counters, remove an adapter, corrupt a receive ring, log from a new thread; for the binding-cost
 *    benchmarks, replay a delivered batch and discard sent packets unseen. The production bindings
 *    never call them.
 *  - Fault injection (wintun_sim_faults.c): every entry point counts its calls, and the N-th call of
 *    one can be made to fail with a chosen error, reported as the real function reports failure.
 *
 * Sessions, rings, handles and events are mmap'ed and unmapped when freed, so a caller that touches
 * one after freeing it crashes at once instead of passing unnoticed.
 */
#define _GNU_SOURCE
#include "wintun_sim_types.h"
#include "wintun_sim_faults.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <time.h>

#define EXPORT __attribute__((visibility("default")))

#define MIN_RING_CAPACITY 0x20000u
#define MAX_RING_CAPACITY 0x4000000u
#define MAX_IP_PACKET_SIZE 0xFFFFu
#define RING_TRAILER 0x10000u
#define MAX_NAME_UNITS 127
/* api/adapter.c, WintunCreateAdapter: "%s Tunnel" goes into WCHAR[MAX_ADAPTER_NAME + 8] (MAX_ADAPTER_NAME = 128)
 * with _TRUNCATE, so a tunnel type of 128 units fits and one of 129 is ERROR_BUFFER_OVERFLOW. */
#define MAX_TUNNEL_TYPE_UNITS 128
#define RING_ENDED 0xFFFFFFFFu
#define SENT_QUEUE_LIMIT (1u << 18)

#define HANDLE_MAGIC 0x57414450u  /* "WADP" */
#define SESSION_MAGIC 0x57534553u /* "WSES" */
#define EVENT_MAGIC 0x57455654u   /* "WEVT" */
#define REGISTRATION_MAGIC 0x57524547u /* "WREG" */

typedef void (*WINTUN_LOGGER_CALLBACK)(ENUM32 level, DWORD64 timestamp, const WCHAR *message);

enum { LOG_INFO = 0, LOG_WARN = 1, LOG_ERR = 2 };

/* ---- small helpers ---------------------------------------------------------------------------- */

static void *page_alloc(size_t size)
{
    void *memory = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return memory == MAP_FAILED ? NULL : memory;
}

static void page_free(void *memory, size_t size)
{
    munmap(memory, size);
}

static size_t wlen(const WCHAR *text)
{
    size_t n = 0;
    while (text[n])
        n++;
    return n;
}

static WCHAR fold(WCHAR c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7))
        return (WCHAR)(c + 0x20);
    return c;
}

static int wequal_ignoring_case(const WCHAR *a, const WCHAR *b)
{
    for (; *a && *b; a++, b++)
        if (fold(*a) != fold(*b))
            return 0;
    return *a == *b;
}

static uint32_t align4(uint64_t size)
{
    return (uint32_t)((4 + size + 3) & ~(uint64_t)3);
}

/* ---- the logger -------------------------------------------------------------------------------- */

static _Atomic(WINTUN_LOGGER_CALLBACK) logger;

static DWORD64 filetime_now(void)
{
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    return (DWORD64)now.tv_sec * 10000000u + (DWORD64)now.tv_nsec / 100 + 116444736000000000ull;
}

/* Logs "<before><name><after>"; name may be NULL. Keeps errno: a callback into Java may change it. */
static void log_message(int level, const char *before, const WCHAR *name, const char *after)
{
    WINTUN_LOGGER_CALLBACK callback = atomic_load(&logger);
    if (!callback)
        return;
    int saved = errno;
    WCHAR text[1024];
    size_t n = 0;
    for (const char *c = before; c && *c && n < 1023; c++)
        text[n++] = (WCHAR)(unsigned char)*c;
    for (const WCHAR *c = name; c && *c && n < 1023; c++)
        text[n++] = *c;
    for (const char *c = after; c && *c && n < 1023; c++)
        text[n++] = (WCHAR)(unsigned char)*c;
    text[n] = 0;
    callback(level, filetime_now(), text);
    errno = saved;
}

EXPORT void WintunSetLogger(WINTUN_LOGGER_CALLBACK new_logger)
{
    SIM_COUNT(WintunSetLogger);
    atomic_store(&logger, new_logger);
}

/* ---- kernel32: events --------------------------------------------------------------------------- */

struct event {
    uint32_t magic;
    int manual_reset;
    int signaled;
};

static pthread_mutex_t event_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t event_cond;
static pthread_once_t event_once = PTHREAD_ONCE_INIT;

static void event_init(void)
{
    pthread_condattr_t attributes;
    pthread_condattr_init(&attributes);
    pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC);
    pthread_cond_init(&event_cond, &attributes);
    pthread_condattr_destroy(&attributes);
}

static struct event *event_of(HANDLE handle)
{
    struct event *event = handle;
    return event && event->magic == EVENT_MAGIC ? event : NULL;
}

static struct event *event_new(int manual_reset, int signaled)
{
    pthread_once(&event_once, event_init);
    struct event *event = page_alloc(sizeof *event);
    if (!event)
        return NULL;
    event->magic = EVENT_MAGIC;
    sim_object(SIM_EVENTS, 1);
    event->manual_reset = manual_reset;
    event->signaled = signaled;
    return event;
}

static void event_set(struct event *event)
{
    pthread_mutex_lock(&event_lock);
    event->signaled = 1;
    pthread_cond_broadcast(&event_cond);
    pthread_mutex_unlock(&event_lock);
}

static void event_free(struct event *event)
{
    sim_object(SIM_EVENTS, -1);
    event->magic = 0;
    page_free(event, sizeof *event);
}

EXPORT HANDLE CreateEventW(void *attributes, BOOL manual_reset, BOOL initial_state, const WCHAR *name)
{
    SIM_FAIL_LAST_ERROR(CreateEventW, NULL);
    if (attributes || name) {
        errno = ERROR_CALL_NOT_IMPLEMENTED;
        return NULL;
    }
    struct event *event = event_new(manual_reset != 0, initial_state != 0);
    if (!event)
        errno = ERROR_NOT_ENOUGH_MEMORY;
    return event;
}

EXPORT BOOL SetEvent(HANDLE handle)
{
    SIM_FAIL_LAST_ERROR(SetEvent, 0);
    struct event *event = event_of(handle);
    if (!event) {
        errno = ERROR_INVALID_HANDLE;
        return 0;
    }
    event_set(event);
    return 1;
}

/* ---- kernel32: the session's registration handle ------------------------------------------------- */

/*
 * The handle WintunStartSession opens on the adapter's device object and registers the rings through
 * (WireGuard/wintun api/session.c: Session->Handle from AdapterOpenDeviceObject), which WintunEndSession
 * closes. When the adapter is removed while the rings are registered, the driver closes that handle
 * itself, in whatever process holds it: driver/wintun.c, TunDispatchPnp, on IRP_MN_QUERY_REMOVE_DEVICE
 * and IRP_MN_SURPRISE_REMOVAL, walks the system handle table (ZwQuerySystemInformation
 * SystemExtendedHandleInformation) and calls ObCloseHandle on every handle of the owning file object.
 * A WintunEndSession after that closes a handle value that is no longer open, and that on Windows may
 * by then name another object of the process. Here the object stays mapped until its session is freed,
 * so that such a close is seen (and counted) rather than a crash.
 */
struct registration {
    uint32_t magic;
    _Atomic int open;
};

/* CloseHandle calls on a handle that was not open: WintunSimInvalidCloses. */
static _Atomic uint64_t g_invalid_closes;

static struct registration *registration_of(HANDLE handle)
{
    struct registration *registration = handle;
    return registration && registration->magic == REGISTRATION_MAGIC ? registration : NULL;
}

static struct registration *registration_new(void)
{
    struct registration *registration = page_alloc(sizeof *registration);
    if (registration) {
        registration->magic = REGISTRATION_MAGIC;
        atomic_store(&registration->open, 1);
    }
    return registration;
}

static void registration_free(struct registration *registration)
{
    registration->magic = 0;
    page_free(registration, sizeof *registration);
}

/*
 * CloseHandle's work, also for the DLL's own closes. A handle that is not open fails with
 * ERROR_INVALID_HANDLE, as on Windows ("Closing an invalid handle raises an exception" under a debugger:
 * STATUS_INVALID_HANDLE; otherwise FALSE and GetLastError 6), and is counted.
 */
static BOOL handle_close(HANDLE handle)
{
    struct registration *registration = registration_of(handle);
    if (registration && atomic_exchange(&registration->open, 0))
        return 1;
    struct event *event = registration ? NULL : event_of(handle);
    if (!event) {
        atomic_fetch_add(&g_invalid_closes, 1);
        errno = ERROR_INVALID_HANDLE;
        return 0;
    }
    event_free(event);
    return 1;
}

EXPORT BOOL CloseHandle(HANDLE handle)
{
    SIM_FAIL_LAST_ERROR(CloseHandle, 0);
    return handle_close(handle);
}

static DWORD wait_for(DWORD count, const HANDLE *handles, BOOL wait_all, DWORD milliseconds)
{
    if (count == 0 || count > 64 || !handles || wait_all) {
        errno = wait_all ? ERROR_CALL_NOT_IMPLEMENTED : ERROR_INVALID_PARAMETER;
        return WAIT_FAILED;
    }
    for (DWORD i = 0; i < count; i++) {
        if (!event_of(handles[i])) {
            errno = ERROR_INVALID_HANDLE;
            return WAIT_FAILED;
        }
    }
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_sec += milliseconds / 1000;
    deadline.tv_nsec += (long)(milliseconds % 1000) * 1000000;
    if (deadline.tv_nsec >= 1000000000) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000;
    }
    pthread_mutex_lock(&event_lock);
    for (;;) {
        for (DWORD i = 0; i < count; i++) {
            struct event *event = handles[i];
            if (event->signaled) {
                if (!event->manual_reset)
                    event->signaled = 0;
                pthread_mutex_unlock(&event_lock);
                return WAIT_OBJECT_0 + i;
            }
        }
        int waited = milliseconds == INFINITE ? pthread_cond_wait(&event_cond, &event_lock)
                                              : pthread_cond_timedwait(&event_cond, &event_lock, &deadline);
        if (waited == ETIMEDOUT) {
            pthread_mutex_unlock(&event_lock);
            return WAIT_TIMEOUT;
        }
    }
}

EXPORT DWORD WaitForMultipleObjects(DWORD count, const HANDLE *handles, BOOL wait_all, DWORD milliseconds)
{
    SIM_FAIL_LAST_ERROR(WaitForMultipleObjects, WAIT_FAILED);
    return wait_for(count, handles, wait_all, milliseconds);
}

EXPORT DWORD WaitForSingleObject(HANDLE handle, DWORD milliseconds)
{
    SIM_FAIL_LAST_ERROR(WaitForSingleObject, WAIT_FAILED);
    return wait_for(1, &handle, 0, milliseconds);
}

/* Exported so that the bindings bind the same kernel32 functions everywhere; only Windows calls it. */
EXPORT HANDLE LoadLibraryExW(const WCHAR *file, HANDLE reserved, DWORD flags)
{
    (void)file;
    (void)reserved;
    (void)flags;
    SIM_FAIL_LAST_ERROR(LoadLibraryExW, NULL);
    errno = ERROR_CALL_NOT_IMPLEMENTED;
    return NULL;
}

/* ---- adapters and sessions ---------------------------------------------------------------------- */

struct record {
    uint32_t offset;
    uint32_t end;
    int done;
};

struct records {
    struct record *items;
    uint32_t first;
    uint32_t count;
    uint32_t capacity;
};

struct ring {
    volatile uint32_t head;
    volatile uint32_t tail;
    volatile int32_t alertable;
    uint8_t data[];
};

struct adapter;

struct session {
    uint32_t magic;
    struct adapter *adapter;
    uint32_t capacity;
    size_t ring_bytes;
    struct ring *rx; /* driver -> application */
    struct ring *tx; /* application -> driver */
    struct event *read_event;
    struct registration *registration; /* Session->Handle: the rings' registration with the driver */
    pthread_mutex_t rx_lock;
    uint32_t rx_read;       /* the application's next record */
    uint32_t rx_newest;     /* the driver's newest record, for the corruption hook */
    int rx_has_newest;
    struct records rx_outstanding;
    uint32_t rx_batch_start;   /* where the latest delivered batch begins, for the replay hook */
    uint32_t rx_batch_end;     /* and where it ends */
    pthread_mutex_t tx_lock;
    int tx_discard;         /* the discard hook: the driver drops sent packets unseen; under tx_lock */
    uint32_t tx_write;      /* the application's next allocation */
    struct records tx_pending;
    int refs;               /* under g_lock */
    struct driver_thread *driver_thread; /* NULL: the driver works inside the calls (wintun_sim_driver_thread.c) */
};

struct address {
    struct address *next;
    ADDRESS_FAMILY family;
    uint8_t bytes[16];
    uint8_t prefix;
};

struct sent_packet {
    struct sent_packet *next;
    uint32_t size;
    uint8_t bytes[];
};

struct adapter {
    struct adapter *next;
    int refs;               /* handles, a session, hooks at work; under g_lock */
    int removed;
    WCHAR name[MAX_NAME_UNITS + 1];
    WCHAR tunnel_type[MAX_TUNNEL_TYPE_UNITS + 1];
    WCHAR alias[MAX_NAME_UNITS + 1]; /* the interface's alias: "name" at first, then renamed by Wintun or the user */
    GUID guid;
    uint64_t luid;
    ULONG if_index;
    struct session *session;
    struct address *addresses;
    ULONG mtu[2];           /* IPv4, IPv6 */
    pthread_mutex_t sent_lock;
    pthread_cond_t sent_cond;
    struct sent_packet *sent_first, *sent_last;
    uint32_t sent_count;
    _Atomic uint64_t dropped_non_ip;
    _Atomic uint64_t dropped_inbound_batches;
    _Atomic uint64_t receive_calls; /* WintunReceivePacket calls on the adapter's sessions: shows a spin */
};

struct adapter_handle {
    uint32_t magic;
    struct adapter *adapter;
    int created;
};

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static struct adapter *g_adapters;
static uint32_t g_next_index;
static int g_driver_loaded;

/* The machine's other interfaces (wintun_sim_foreign.c, compiled as part of this file). */
static int alias_in_use(const WCHAR *alias);
static int rename_alias_holder(const WCHAR *alias, int *renamed);

/* The driver on threads of its own (wintun_sim_driver_thread.c, compiled as part of this file). */
static int driver_thread_start(struct session *session);
static void driver_thread_disconnect(struct session *session);
static void driver_thread_stop(struct session *session);
static void driver_thread_free(struct session *session);
static void driver_thread_send(struct session *session, const BYTE *packet);
static int driver_thread_deliver(struct session *session, const BYTE *packets, const DWORD *sizes, DWORD count);
EXPORT void WintunEndSession(HANDLE handle);

static struct adapter_handle *handle_of(HANDLE handle)
{
    struct adapter_handle *adapter = handle;
    return adapter && adapter->magic == HANDLE_MAGIC ? adapter : NULL;
}

static struct session *session_of(HANDLE handle)
{
    struct session *session = handle;
    return session && session->magic == SESSION_MAGIC ? session : NULL;
}

static int records_push(struct records *records, uint32_t offset, uint32_t end)
{
    if (records->count == records->capacity) {
        uint32_t capacity = records->capacity ? records->capacity * 2 : 256;
        struct record *items = malloc(capacity * sizeof *items);
        if (!items)
            return 0;
        for (uint32_t i = 0; i < records->count; i++)
            items[i] = records->items[(records->first + i) % records->capacity];
        free(records->items);
        records->items = items;
        records->first = 0;
        records->capacity = capacity;
    }
    struct record *record = &records->items[(records->first + records->count) % records->capacity];
    record->offset = offset;
    record->end = end;
    record->done = 0;
    records->count++;
    return 1;
}

/* Marks the record at offset done; returns the end of the done prefix it frees, or -1 for none. */
static int64_t records_finish(struct records *records, uint32_t offset)
{
    for (uint32_t i = 0; i < records->count; i++) {
        struct record *record = &records->items[(records->first + i) % records->capacity];
        if (record->offset == offset && !record->done) {
            record->done = 1;
            break;
        }
    }
    int64_t end = -1;
    while (records->count > 0 && records->items[records->first].done) {
        end = records->items[records->first].end;
        records->first = (records->first + 1) % records->capacity;
        records->count--;
    }
    return end;
}

/* Lookups under g_lock. */
static struct adapter *live_adapter_named(const WCHAR *name)
{
    for (struct adapter *a = g_adapters; a; a = a->next)
        if (!a->removed && wequal_ignoring_case(a->name, name))
            return a;
    return NULL;
}

static struct adapter *adapter_with_luid(uint64_t luid, int live_only)
{
    for (struct adapter *a = g_adapters; a; a = a->next)
        if (a->luid == luid && (!live_only || !a->removed))
            return a;
    return NULL;
}

static void session_free(struct session *session)
{
    driver_thread_free(session);
    pthread_mutex_destroy(&session->rx_lock);
    pthread_mutex_destroy(&session->tx_lock);
    free(session->rx_outstanding.items);
    free(session->tx_pending.items);
    page_free(session->rx, session->ring_bytes);
    page_free(session->tx, session->ring_bytes);
    event_free(session->read_event);
    registration_free(session->registration);
    session->magic = 0;
    sim_object(SIM_SESSIONS, -1);
    page_free(session, sizeof *session);
}

static void adapter_free(struct adapter *adapter)
{
    for (struct adapter **link = &g_adapters; *link; link = &(*link)->next) {
        if (*link == adapter) {
            *link = adapter->next;
            break;
        }
    }
    while (adapter->addresses) {
        struct address *next = adapter->addresses->next;
        free(adapter->addresses);
        adapter->addresses = next;
    }
    while (adapter->sent_first) {
        struct sent_packet *next = adapter->sent_first->next;
        free(adapter->sent_first);
        adapter->sent_first = next;
    }
    pthread_mutex_destroy(&adapter->sent_lock);
    pthread_cond_destroy(&adapter->sent_cond);
    sim_object(SIM_ADAPTERS, -1);
    page_free(adapter, sizeof *adapter);
}

/* Under g_lock. */
static void session_unref(struct session *session)
{
    if (--session->refs == 0)
        session_free(session);
}

/* Under g_lock. */
static void adapter_unref(struct adapter *adapter)
{
    if (--adapter->refs == 0)
        adapter_free(adapter);
}

/* The driver ends both rings, as when the adapter goes away; wakes the readers. Under g_lock. */
static void session_terminate(struct session *session)
{
    pthread_mutex_lock(&session->rx_lock);
    session->rx->tail = RING_ENDED;
    pthread_mutex_unlock(&session->rx_lock);
    pthread_mutex_lock(&session->tx_lock);
    session->tx->head = RING_ENDED;
    pthread_mutex_unlock(&session->tx_lock);
    event_set(session->read_event);
    driver_thread_disconnect(session);
}

/* Under g_lock. */
static void adapter_remove(struct adapter *adapter)
{
    if (adapter->removed)
        return;
    adapter->removed = 1;
    if (adapter->session) {
        session_terminate(adapter->session);
        /* The driver closes the registration handle in the application's process (see struct registration). */
        atomic_store(&adapter->session->registration->open, 0);
    }
}

static int text_problem(const WCHAR *text, size_t limit)
{
    if (!text)
        return ERROR_INVALID_PARAMETER;
    size_t length = wlen(text);
    if (length == 0)
        return ERROR_INVALID_PARAMETER;
    if (length > limit)
        return ERROR_BUFFER_OVERFLOW;
    return 0;
}

static int name_problem(const WCHAR *name)
{
    return text_problem(name, MAX_NAME_UNITS);
}

/* "<base> <n>"; 0 when it is over 127 units (Wintun's _snwprintf_s(..., _TRUNCATE) returns -1 there). */
static int numbered_name(WCHAR *target, const WCHAR *base, unsigned n)
{
    char suffix[16];
    int suffix_length = snprintf(suffix, sizeof suffix, " %u", n);
    size_t keep = wlen(base);
    if (keep + (size_t)suffix_length > MAX_NAME_UNITS)
        return 0;
    memmove(target, base, keep * sizeof(WCHAR));
    for (int i = 0; i < suffix_length; i++)
        target[keep + (size_t)i] = (WCHAR)suffix[i];
    target[keep + (size_t)suffix_length] = 0;
    return 1;
}

/*
 * Wintun's rule (api/adapter.c, NciSetAdapterName): the adapter that had the name becomes
 * "<new name> 1", or the first free number, numbered after the name as the new adapter's caller
 * spelled it. When that does not fit 127 units the creation fails with ERROR_BUFFER_OVERFLOW and
 * the older adapter keeps its name. Returns 0 or that error. Under g_lock.
 */
static int rename_older(WCHAR *older_alias, const WCHAR *new_name)
{
    WCHAR candidate[MAX_NAME_UNITS + 1];
    for (unsigned n = 1;; n++) {
        if (!numbered_name(candidate, new_name, n))
            return ERROR_BUFFER_OVERFLOW;
        if (!alias_in_use(candidate)) {
            memcpy(older_alias, candidate, sizeof candidate);
            return 0;
        }
    }
}

static struct adapter_handle *handle_new(struct adapter *adapter, int created)
{
    struct adapter_handle *handle = page_alloc(sizeof *handle);
    if (handle) {
        handle->magic = HANDLE_MAGIC;
        sim_object(SIM_ADAPTER_HANDLES, 1);
        handle->adapter = adapter;
        handle->created = created;
    }
    return handle;
}

EXPORT HANDLE WintunCreateAdapter(const WCHAR *name, const WCHAR *tunnel_type, const GUID *requested_guid)
{
    SIM_FAIL_LAST_ERROR(WintunCreateAdapter, NULL);
    int problem = name_problem(name);
    if (!problem)
        problem = text_problem(tunnel_type, MAX_TUNNEL_TYPE_UNITS);
    if (problem) {
        errno = problem;
        return NULL;
    }
    log_message(LOG_INFO, "Creating adapter \"", name, "\"");
    pthread_mutex_lock(&g_lock);
    /* Since Wintun 0.13 the requested GUID is a request: WintunCreateAdapter (api/adapter.c) stores it as
     * the device's SuggestedInstanceId, and when another adapter has it, the new one gets a random GUID
     * (wintun commit 005af4a); the creation does not fail. */
    int guid_taken = 0;
    for (struct adapter *a = g_adapters; requested_guid && a; a = a->next)
        guid_taken |= !a->removed && memcmp(&a->guid, requested_guid, sizeof(GUID)) == 0;
    struct adapter *adapter = page_alloc(sizeof *adapter);
    struct adapter_handle *handle = adapter ? handle_new(adapter, 1) : NULL;
    if (!handle) {
        if (adapter)
            page_free(adapter, sizeof *adapter);
        pthread_mutex_unlock(&g_lock);
        errno = ERROR_NOT_ENOUGH_MEMORY;
        return NULL;
    }
    /* Any interface with the alias, a physical NIC included (wintun_sim_foreign.c). */
    int older = 0;
    int rename_problem = rename_alias_holder(name, &older);
    if (rename_problem) {
        sim_object(SIM_ADAPTER_HANDLES, -1);
        page_free(handle, sizeof *handle);
        page_free(adapter, sizeof *adapter);
        pthread_mutex_unlock(&g_lock);
        log_message(LOG_ERR, "Failed to create adapter \"", name, "\": the older adapter's new name is too long");
        errno = rename_problem;
        return NULL;
    }
    memcpy(adapter->name, name, (wlen(name) + 1) * sizeof(WCHAR));
    memcpy(adapter->alias, name, (wlen(name) + 1) * sizeof(WCHAR));
    memcpy(adapter->tunnel_type, tunnel_type, (wlen(tunnel_type) + 1) * sizeof(WCHAR));
    if (requested_guid && !guid_taken) {
        adapter->guid = *requested_guid;
    } else {
        if (getrandom(&adapter->guid, sizeof adapter->guid, 0) != (ssize_t)sizeof adapter->guid)
            adapter->guid.Data1 = (uint32_t)time(NULL) ^ g_next_index;
        adapter->guid.Data3 = (uint16_t)((adapter->guid.Data3 & 0x0FFF) | 0x4000);
        adapter->guid.Data4[0] = (uint8_t)((adapter->guid.Data4[0] & 0x3F) | 0x80);
    }
    uint32_t index = ++g_next_index;
    adapter->luid = ((uint64_t)IF_TYPE_PROP_VIRTUAL << 48) | ((uint64_t)index << 24);
    adapter->if_index = 100 + index;
    adapter->mtu[0] = adapter->mtu[1] = MAX_IP_PACKET_SIZE;
    adapter->refs = 1;
    pthread_mutex_init(&adapter->sent_lock, NULL);
    pthread_condattr_t attributes;
    pthread_condattr_init(&attributes);
    pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC);
    pthread_cond_init(&adapter->sent_cond, &attributes);
    pthread_condattr_destroy(&attributes);
    adapter->next = g_adapters;
    g_adapters = adapter;
    sim_object(SIM_ADAPTERS, 1);
    g_driver_loaded = 1;
    pthread_mutex_unlock(&g_lock);
    log_message(LOG_INFO, "Created adapter \"", name, older ? "\" (the older adapter of that name was renamed)" : "\"");
    return handle;
}

EXPORT HANDLE WintunOpenAdapter(const WCHAR *name)
{
    SIM_FAIL_LAST_ERROR(WintunOpenAdapter, NULL);
    int problem = name_problem(name);
    if (problem) {
        errno = problem == ERROR_BUFFER_OVERFLOW ? ERROR_NOT_FOUND : problem;
        return NULL;
    }
    pthread_mutex_lock(&g_lock);
    struct adapter *adapter = live_adapter_named(name);
    struct adapter_handle *handle = adapter ? handle_new(adapter, 0) : NULL;
    if (handle)
        adapter->refs++;
    pthread_mutex_unlock(&g_lock);
    if (!handle) {
        errno = adapter ? ERROR_NOT_ENOUGH_MEMORY : ERROR_NOT_FOUND;
        return NULL;
    }
    return handle;
}

EXPORT void WintunCloseAdapter(HANDLE handle)
{
    SIM_COUNT(WintunCloseAdapter);
    struct adapter_handle *adapter_handle = handle_of(handle);
    if (!adapter_handle)
        return;
    WCHAR name[MAX_NAME_UNITS + 1];
    int created = adapter_handle->created;
    pthread_mutex_lock(&g_lock);
    struct adapter *adapter = adapter_handle->adapter;
    memcpy(name, adapter->name, sizeof name);
    if (created)
        adapter_remove(adapter);
    adapter_unref(adapter);
    pthread_mutex_unlock(&g_lock);
    adapter_handle->magic = 0;
    sim_object(SIM_ADAPTER_HANDLES, -1);
    page_free(adapter_handle, sizeof *adapter_handle);
    if (created)
        log_message(LOG_INFO, "Removed adapter \"", name, "\"");
}

/*
 * setupapi.h: ERROR_INF_IN_USE_BY_DEVICES is APPLICATION_ERROR_MASK | ERROR_SEVERITY_ERROR | 0x23D. Wintun's
 * WintunDeleteDriver (api/driver.c) removes the driver package with SetupUninstallOEMInfW(Path, 0, NULL), without
 * SUOI_FORCEDELETE; Microsoft's page for SetupUninstallOEMInf says that without that flag the .inf is not removed
 * while a device installed from it exists, and setupapi.h names that failure ERROR_INF_IN_USE_BY_DEVICES (it is
 * the code pnputil /delete-driver reports as "One or more devices are presently installed using the specified
 * INF"). Every Wintun adapter on the machine is such a device, whichever process created it.
 */
#define ERROR_INF_IN_USE_BY_DEVICES 0xE000023Du

EXPORT BOOL WintunDeleteDriver(void)
{
    SIM_FAIL_LAST_ERROR(WintunDeleteDriver, 0);
    pthread_mutex_lock(&g_lock);
    int in_use = 0;
    for (struct adapter *a = g_adapters; a; a = a->next)
        in_use |= !a->removed;
    if (!in_use)
        g_driver_loaded = 0;
    pthread_mutex_unlock(&g_lock);
    if (in_use) {
        /* api/driver.c logs the failure of SetupUninstallOEMInfW and returns FALSE with its error. */
        log_message(LOG_ERR, "Unable to remove driver wintun.inf: an adapter is installed from it", NULL, NULL);
        errno = (int)ERROR_INF_IN_USE_BY_DEVICES;
        return 0;
    }
    log_message(LOG_INFO, "Driver deleted", NULL, NULL);
    return 1;
}

EXPORT void WintunGetAdapterLUID(HANDLE handle, NET_LUID *luid)
{
    SIM_COUNT(WintunGetAdapterLUID);
    struct adapter_handle *adapter_handle = handle_of(handle);
    if (adapter_handle && luid)
        luid->Value = adapter_handle->adapter->luid;
}

EXPORT DWORD WintunGetRunningDriverVersion(void)
{
    SIM_FAIL_LAST_ERROR(WintunGetRunningDriverVersion, 0);
    pthread_mutex_lock(&g_lock);
    int loaded = g_driver_loaded;
    pthread_mutex_unlock(&g_lock);
    if (!loaded) {
        errno = ERROR_FILE_NOT_FOUND;
        return 0;
    }
    return 0x0000000E; /* 0.14 */
}

EXPORT HANDLE WintunStartSession(HANDLE handle, DWORD capacity)
{
    SIM_FAIL_LAST_ERROR(WintunStartSession, NULL);
    struct adapter_handle *adapter_handle = handle_of(handle);
    if (!adapter_handle || capacity < MIN_RING_CAPACITY || capacity > MAX_RING_CAPACITY
        || (capacity & (capacity - 1)) != 0) {
        errno = adapter_handle ? ERROR_INVALID_PARAMETER : ERROR_INVALID_HANDLE;
        return NULL;
    }
    size_t ring_bytes = sizeof(struct ring) + capacity + RING_TRAILER;
    pthread_mutex_lock(&g_lock);
    struct adapter *adapter = adapter_handle->adapter;
    int error = adapter->removed ? ERROR_HANDLE_EOF : adapter->session ? ERROR_ALREADY_INITIALIZED : 0;
    struct session *session = NULL;
    if (!error) {
        session = page_alloc(sizeof *session);
        if (session) {
            session->rx = page_alloc(ring_bytes);
            session->tx = page_alloc(ring_bytes);
            session->read_event = event_new(0, 0);
            session->registration = registration_new();
        }
        if (!session || !session->rx || !session->tx || !session->read_event || !session->registration) {
            if (session) {
                if (session->rx)
                    page_free(session->rx, ring_bytes);
                if (session->tx)
                    page_free(session->tx, ring_bytes);
                if (session->read_event)
                    event_free(session->read_event);
                if (session->registration)
                    registration_free(session->registration);
                page_free(session, sizeof *session);
            }
            session = NULL;
            error = ERROR_NOT_ENOUGH_MEMORY;
        }
    }
    if (!error) {
        session->magic = SESSION_MAGIC;
        session->adapter = adapter;
        session->capacity = capacity;
        session->ring_bytes = ring_bytes;
        pthread_mutex_init(&session->rx_lock, NULL);
        pthread_mutex_init(&session->tx_lock, NULL);
        session->refs = 1;
        sim_object(SIM_SESSIONS, 1);
        adapter->session = session;
        adapter->refs++;
    }
    pthread_mutex_unlock(&g_lock);
    if (!error && (error = driver_thread_start(session)) != 0)
        WintunEndSession(session);
    if (error) {
        errno = error;
        return NULL;
    }
    log_message(LOG_INFO, "Started a session on \"", adapter->name, "\"");
    return session;
}

EXPORT void WintunEndSession(HANDLE handle)
{
    SIM_COUNT(WintunEndSession);
    struct session *session = session_of(handle);
    if (!session)
        return;
    driver_thread_stop(session);
    /* api/session.c: CloseHandle(Session->Handle), whose result the DLL ignores; after the driver closed it
     * on the adapter's removal, this close fails and is counted (see struct registration). */
    handle_close(session->registration);
    pthread_mutex_lock(&g_lock);
    struct adapter *adapter = session->adapter;
    if (adapter->session == session)
        adapter->session = NULL;
    session->magic = 0;
    session_unref(session);
    adapter_unref(adapter);
    pthread_mutex_unlock(&g_lock);
}

EXPORT HANDLE WintunGetReadWaitEvent(HANDLE handle)
{
    SIM_COUNT(WintunGetReadWaitEvent);
    struct session *session = session_of(handle);
    return session ? session->read_event : NULL;
}

/* ---- the application's side of the rings -------------------------------------------------------- */

EXPORT BYTE *WintunReceivePacket(HANDLE handle, DWORD *packet_size)
{
    SIM_FAIL_LAST_ERROR(WintunReceivePacket, NULL);
    struct session *session = handle;
    uint32_t mask = session->capacity - 1;
    int error;
    atomic_fetch_add(&session->adapter->receive_calls, 1);
    pthread_mutex_lock(&session->rx_lock);
    uint32_t tail = session->rx->tail;
    uint32_t read = session->rx_read;
    if (tail >= session->capacity) {
        error = ERROR_HANDLE_EOF;
    } else if (tail == read) {
        error = ERROR_NO_MORE_ITEMS;
    } else {
        uint32_t available = (tail - read) & mask;
        uint32_t size = 0;
        if (available >= 4)
            memcpy(&size, session->rx->data + read, 4);
        if (available < 4 || size > MAX_IP_PACKET_SIZE || align4(size) > available) {
            error = ERROR_INVALID_DATA;
        } else {
            uint32_t end = (read + align4(size)) & mask;
            if (!records_push(&session->rx_outstanding, read, end)) {
                error = ERROR_NOT_ENOUGH_MEMORY;
            } else {
                session->rx_read = end;
                pthread_mutex_unlock(&session->rx_lock);
                *packet_size = size;
                return session->rx->data + read + 4;
            }
        }
    }
    pthread_mutex_unlock(&session->rx_lock);
    errno = error;
    return NULL;
}

EXPORT void WintunReleaseReceivePacket(HANDLE handle, const BYTE *packet)
{
    SIM_COUNT(WintunReleaseReceivePacket);
    struct session *session = handle;
    pthread_mutex_lock(&session->rx_lock);
    int64_t head = records_finish(&session->rx_outstanding, (uint32_t)(packet - 4 - session->rx->data));
    if (head >= 0)
        session->rx->head = (uint32_t)head;
    pthread_mutex_unlock(&session->rx_lock);
}

EXPORT BYTE *WintunAllocateSendPacket(HANDLE handle, DWORD packet_size)
{
    SIM_FAIL_LAST_ERROR(WintunAllocateSendPacket, NULL);
    struct session *session = handle;
    uint32_t mask = session->capacity - 1;
    int error;
    pthread_mutex_lock(&session->tx_lock);
    uint32_t head = session->tx->head;
    if (head >= session->capacity) {
        error = ERROR_HANDLE_EOF;
    } else {
        /* In 32 bits, as api/session.c's TUN_ALIGN(sizeof(TUN_PACKET) + PacketSize) in ULONG: a size from
         * 0xFFFFFFF9 on wraps to a few bytes, and the allocation succeeds with a Size the driver rejects. */
        uint32_t needed = (4u + packet_size + 3u) & ~3u;
        uint32_t free_space = (head - session->tx_write - 4) & mask;
        uint32_t at = session->tx_write;
        if (needed > free_space) {
            error = ERROR_BUFFER_OVERFLOW;
        } else if (!records_push(&session->tx_pending, at, (uint32_t)((at + needed) & mask))) {
            error = ERROR_NOT_ENOUGH_MEMORY;
        } else {
            memcpy(session->tx->data + at, &packet_size, 4);
            session->tx_write = (uint32_t)((at + needed) & mask);
            pthread_mutex_unlock(&session->tx_lock);
            return session->tx->data + at + 4;
        }
    }
    pthread_mutex_unlock(&session->tx_lock);
    errno = error;
    return NULL;
}

/* ---- the driver's side --------------------------------------------------------------------------- */

/* Writes a whole batch into the receive ring, or nothing. Under no lock; the session is alive. */
static int deliver_batch(struct session *session, const BYTE *packets, const DWORD *sizes, DWORD count)
{
    uint32_t mask = session->capacity - 1;
    uint64_t needed = 0;
    for (DWORD i = 0; i < count; i++) {
        if (sizes[i] == 0 || sizes[i] > MAX_IP_PACKET_SIZE)
            return 0;
        needed += align4(sizes[i]);
    }
    pthread_mutex_lock(&session->rx_lock);
    uint32_t tail = session->rx->tail;
    if (tail >= session->capacity) {
        pthread_mutex_unlock(&session->rx_lock);
        return 0;
    }
    uint32_t free_space = (session->rx->head - tail - 4) & mask;
    if (needed > free_space) {
        pthread_mutex_unlock(&session->rx_lock);
        atomic_fetch_add(&session->adapter->dropped_inbound_batches, 1);
        return 0;
    }
    session->rx_batch_start = tail;
    const BYTE *packet = packets;
    for (DWORD i = 0; i < count; i++) {
        memcpy(session->rx->data + tail, &sizes[i], 4);
        memcpy(session->rx->data + tail + 4, packet, sizes[i]);
        session->rx_newest = tail;
        session->rx_has_newest = 1;
        packet += sizes[i];
        tail = (tail + align4(sizes[i])) & mask;
    }
    session->rx_batch_end = tail;
    __atomic_store_n(&session->rx->tail, tail, __ATOMIC_RELEASE);
    pthread_mutex_unlock(&session->rx_lock);
    event_set(session->read_event);
    return 1;
}

static uint16_t checksum_finish(uint32_t sum)
{
    while (sum >> 16)
        sum = (sum & 0xFFFF) + (sum >> 16);
    return (uint16_t)~sum;
}

static uint32_t checksum_add(uint32_t sum, const uint8_t *bytes, size_t length)
{
    for (size_t i = 0; i + 1 < length; i += 2)
        sum += (uint32_t)(bytes[i] << 8 | bytes[i + 1]);
    if (length & 1)
        sum += (uint32_t)(bytes[length - 1] << 8);
    return sum;
}

static void put16(uint8_t *at, uint16_t value)
{
    at[0] = (uint8_t)(value >> 8);
    at[1] = (uint8_t)value;
}

/* Whether the adapter has this address. Under g_lock. */
static int has_address(struct adapter *adapter, ADDRESS_FAMILY family, const uint8_t *bytes)
{
    for (struct address *a = adapter->addresses; a; a = a->next)
        if (a->family == family && memcmp(a->bytes, bytes, family == AF_INET ? 4 : 16) == 0)
            return 1;
    return 0;
}

/* The host's answer to an ICMP echo request for one of the adapter's addresses, in reply[]; its size or 0. */
static uint32_t echo_reply(struct adapter *adapter, const uint8_t *packet, uint32_t size, uint8_t *reply)
{
    int ours;
    if ((packet[0] >> 4) == 4) {
        uint32_t header = (uint32_t)(packet[0] & 0x0F) * 4;
        if (header < 20 || size < header + 8 || packet[9] != 1 || packet[header] != 8 || packet[header + 1] != 0)
            return 0;
        pthread_mutex_lock(&g_lock);
        ours = has_address(adapter, AF_INET, packet + 16);
        pthread_mutex_unlock(&g_lock);
        if (!ours)
            return 0;
        memcpy(reply, packet, size);
        memcpy(reply + 12, packet + 16, 4);
        memcpy(reply + 16, packet + 12, 4);
        reply[8] = 128;
        reply[header] = 0;
        put16(reply + header + 2, 0);
        put16(reply + header + 2, checksum_finish(checksum_add(0, reply + header, size - header)));
        put16(reply + 10, 0);
        put16(reply + 10, checksum_finish(checksum_add(0, reply, header)));
        return size;
    }
    if ((packet[0] >> 4) == 6) {
        if (size < 48 || packet[6] != 58 || packet[40] != 128 || packet[41] != 0)
            return 0;
        pthread_mutex_lock(&g_lock);
        ours = has_address(adapter, AF_INET6, packet + 24);
        pthread_mutex_unlock(&g_lock);
        if (!ours)
            return 0;
        memcpy(reply, packet, size);
        memcpy(reply + 8, packet + 24, 16);
        memcpy(reply + 24, packet + 8, 16);
        reply[7] = 128;
        reply[40] = 129;
        put16(reply + 42, 0);
        uint32_t length = size - 40;
        uint8_t pseudo[8] = {(uint8_t)(length >> 24), (uint8_t)(length >> 16), (uint8_t)(length >> 8),
                             (uint8_t)length, 0, 0, 0, 58};
        uint32_t sum = checksum_add(0, reply + 8, 32);
        sum = checksum_add(sum, pseudo, 8);
        put16(reply + 42, checksum_finish(checksum_add(sum, reply + 40, length)));
        return size;
    }
    return 0;
}

/* What the network stack does with one packet from the application: drops non-IP packets (counted)
 * and queues the others for the tests, in ring order. Under the session's tx_lock; returns whether the
 * packet may be an echo request for the stack to answer once the lock is released. */
static int driver_take(struct session *session, const uint8_t *packet, uint32_t size)
{
    struct adapter *adapter = session->adapter;
    int version = size > 0 ? packet[0] >> 4 : 0;
    if (!((version == 4 && size >= 20) || (version == 6 && size >= 40))) {
        atomic_fetch_add(&adapter->dropped_non_ip, 1);
        return 0;
    }
    struct sent_packet *sent = malloc(sizeof *sent + size);
    if (sent) {
        sent->next = NULL;
        sent->size = size;
        memcpy(sent->bytes, packet, size);
        pthread_mutex_lock(&adapter->sent_lock);
        if (adapter->sent_count < SENT_QUEUE_LIMIT) {
            if (adapter->sent_last)
                adapter->sent_last->next = sent;
            else
                adapter->sent_first = sent;
            adapter->sent_last = sent;
            adapter->sent_count++;
            pthread_cond_broadcast(&adapter->sent_cond);
            sent = NULL;
        }
        pthread_mutex_unlock(&adapter->sent_lock);
        free(sent);
    }
    return (version == 4 && packet[9] == 1) || (version == 6 && packet[6] == 58);
}

/* The stack's answer to an echo request for one of the adapter's addresses. Under no lock. */
static void driver_answer(struct session *session, const uint8_t *packet, uint32_t size)
{
    uint8_t *reply = malloc(size);
    uint32_t reply_size = reply ? echo_reply(session->adapter, packet, size, reply) : 0;
    if (reply_size) {
        DWORD sizes[1] = {reply_size};
        deliver_batch(session, reply, sizes, 1);
    }
    free(reply);
}

#ifndef WINTUN_SIM_WITHOUT_SEND_PACKET
EXPORT void WintunSendPacket(HANDLE handle, const BYTE *packet)
{
    SIM_COUNT(WintunSendPacket);
    struct session *session = handle;
    if (session->driver_thread) {
        driver_thread_send(session, packet);
        return;
    }
    uint32_t mask = session->capacity - 1;
    uint8_t *taken = NULL;
    uint32_t taken_bytes = 0;
    pthread_mutex_lock(&session->tx_lock);
    int64_t tail = records_finish(&session->tx_pending, (uint32_t)(packet - 4 - session->tx->data));
    if (tail >= 0)
        __atomic_store_n(&session->tx->tail, (uint32_t)tail, __ATOMIC_RELEASE);
    /* The driver consumes what became visible, in ring order; echo requests are answered after the lock. */
    uint32_t head = session->tx->head;
    if (session->tx_discard) {
        if (head < session->capacity)
            session->tx->head = session->tx->tail; /* the discard hook: dropped unseen, nothing queued */
    } else if (head < session->capacity && head != session->tx->tail) {
        uint32_t visible = (session->tx->tail - head) & mask;
        taken = malloc(visible + 8);
        while (taken && head != session->tx->tail) {
            uint32_t available = (session->tx->tail - head) & mask;
            uint32_t size;
            memcpy(&size, session->tx->data + head, 4);
            if (available < 4 || size > MAX_IP_PACKET_SIZE || align4(size) > available) {
                session->tx->head = RING_ENDED; /* a corrupt ring: the driver stops */
                break;
            }
            if (driver_take(session, session->tx->data + head + 4, size)) {
                memcpy(taken + taken_bytes, &size, 4);
                memcpy(taken + taken_bytes + 4, session->tx->data + head + 4, size);
                taken_bytes += align4(size);
            }
            head = (head + align4(size)) & mask;
            session->tx->head = head;
        }
    }
    pthread_mutex_unlock(&session->tx_lock);
    for (uint32_t at = 0; at < taken_bytes;) {
        uint32_t size;
        memcpy(&size, taken + at, 4);
        driver_answer(session, taken + at + 4, size);
        at += align4(size);
    }
    free(taken);
}
#endif

/* ---- IP Helper ------------------------------------------------------------------------------------ */

/* Under g_lock. */
static struct adapter *adapter_for(const NET_LUID *luid, NET_IFINDEX index)
{
    for (struct adapter *a = g_adapters; a; a = a->next)
        if (!a->removed && (luid->Value ? a->luid == luid->Value : a->if_index == index))
            return a;
    return NULL;
}

EXPORT void InitializeUnicastIpAddressEntry(MIB_UNICASTIPADDRESS_ROW *row)
{
    SIM_COUNT(InitializeUnicastIpAddressEntry);
    memset(row, 0, sizeof *row);
    row->PrefixOrigin = 16; /* IpPrefixOriginUnchanged */
    row->SuffixOrigin = 16; /* IpSuffixOriginUnchanged */
    row->ValidLifetime = 0xFFFFFFFF;
    row->PreferredLifetime = 0xFFFFFFFF;
    row->OnLinkPrefixLength = 0xFF;
}

static int address_of(const MIB_UNICASTIPADDRESS_ROW *row, ADDRESS_FAMILY *family, uint8_t *bytes)
{
    *family = row->Address.si_family;
    if (*family == AF_INET) {
        memcpy(bytes, row->Address.Ipv4.sin_addr.s_b, 4);
        return row->OnLinkPrefixLength <= 32;
    }
    if (*family == AF_INET6) {
        memcpy(bytes, row->Address.Ipv6.sin6_addr.s6_b, 16);
        return row->OnLinkPrefixLength <= 128;
    }
    return 0;
}

EXPORT NETIO_STATUS CreateUnicastIpAddressEntry(const MIB_UNICASTIPADDRESS_ROW *row)
{
    SIM_FAIL_STATUS(CreateUnicastIpAddressEntry);
    ADDRESS_FAMILY family;
    uint8_t bytes[16];
    if (!address_of(row, &family, bytes))
        return ERROR_INVALID_PARAMETER;
    pthread_mutex_lock(&g_lock);
    struct adapter *adapter = adapter_for(&row->InterfaceLuid, row->InterfaceIndex);
    NETIO_STATUS status = !adapter ? ERROR_NOT_FOUND
                          : has_address(adapter, family, bytes) ? ERROR_OBJECT_ALREADY_EXISTS : NO_ERROR;
    if (status == NO_ERROR) {
        struct address *address = calloc(1, sizeof *address);
        if (!address) {
            status = ERROR_NOT_ENOUGH_MEMORY;
        } else {
            address->family = family;
            memcpy(address->bytes, bytes, sizeof address->bytes);
            address->prefix = row->OnLinkPrefixLength;
            address->next = adapter->addresses;
            adapter->addresses = address;
        }
    }
    pthread_mutex_unlock(&g_lock);
    return status;
}

EXPORT NETIO_STATUS DeleteUnicastIpAddressEntry(const MIB_UNICASTIPADDRESS_ROW *row)
{
    SIM_FAIL_STATUS(DeleteUnicastIpAddressEntry);
    ADDRESS_FAMILY family;
    uint8_t bytes[16];
    if (!address_of(row, &family, bytes) && family != AF_INET && family != AF_INET6)
        return ERROR_INVALID_PARAMETER;
    pthread_mutex_lock(&g_lock);
    struct adapter *adapter = adapter_for(&row->InterfaceLuid, row->InterfaceIndex);
    NETIO_STATUS status = ERROR_NOT_FOUND;
    for (struct address **link = adapter ? &adapter->addresses : NULL; link && *link; link = &(*link)->next) {
        struct address *address = *link;
        if (address->family == family && memcmp(address->bytes, bytes, family == AF_INET ? 4 : 16) == 0) {
            *link = address->next;
            free(address);
            status = NO_ERROR;
            break;
        }
    }
    pthread_mutex_unlock(&g_lock);
    return status;
}

EXPORT void InitializeIpInterfaceEntry(MIB_IPINTERFACE_ROW *row)
{
    SIM_COUNT(InitializeIpInterfaceEntry);
    memset(row, 0, sizeof *row);
    row->SitePrefixLength = 0xFFFFFFFF; /* "unspecified", as the other lengths and times */
    row->Metric = 0xFFFFFFFF;
}

EXPORT NETIO_STATUS GetIpInterfaceEntry(MIB_IPINTERFACE_ROW *row)
{
    SIM_FAIL_STATUS(GetIpInterfaceEntry);
    if (row->Family != AF_INET && row->Family != AF_INET6)
        return ERROR_INVALID_PARAMETER;
    pthread_mutex_lock(&g_lock);
    struct adapter *adapter = adapter_for(&row->InterfaceLuid, row->InterfaceIndex);
    if (adapter) {
        row->InterfaceLuid.Value = adapter->luid;
        row->InterfaceIndex = adapter->if_index;
        row->NlMtu = adapter->mtu[row->Family == AF_INET6];
        row->SitePrefixLength = 64; /* also for IPv4, which is why SetIpInterfaceEntry callers clear it */
        row->Metric = 5;
        row->Connected = adapter->session != NULL;
    }
    pthread_mutex_unlock(&g_lock);
    return adapter ? NO_ERROR : ERROR_NOT_FOUND;
}

EXPORT NETIO_STATUS SetIpInterfaceEntry(MIB_IPINTERFACE_ROW *row)
{
    SIM_FAIL_STATUS(SetIpInterfaceEntry);
    if (row->Family != AF_INET && row->Family != AF_INET6)
        return ERROR_INVALID_PARAMETER;
    if (row->Family == AF_INET && row->SitePrefixLength != 0)
        return ERROR_INVALID_PARAMETER;
    if (row->NlMtu < (row->Family == AF_INET ? 576u : 1280u) || row->NlMtu > MAX_IP_PACKET_SIZE)
        return ERROR_INVALID_PARAMETER;
    pthread_mutex_lock(&g_lock);
    struct adapter *adapter = adapter_for(&row->InterfaceLuid, row->InterfaceIndex);
    if (adapter)
        adapter->mtu[row->Family == AF_INET6] = row->NlMtu;
    pthread_mutex_unlock(&g_lock);
    return adapter ? NO_ERROR : ERROR_NOT_FOUND;
}

EXPORT NETIO_STATUS GetIfEntry2(MIB_IF_ROW2 *row)
{
    SIM_FAIL_STATUS(GetIfEntry2);
    NET_LUID luid = row->InterfaceLuid;
    NET_IFINDEX index = row->InterfaceIndex;
    pthread_mutex_lock(&g_lock);
    struct adapter *adapter = adapter_for(&luid, index);
    if (adapter) {
        memset(row, 0, sizeof *row);
        row->InterfaceLuid.Value = adapter->luid;
        row->InterfaceIndex = adapter->if_index;
        row->InterfaceGuid = adapter->guid;
        memcpy(row->Alias, adapter->alias, sizeof adapter->alias);
        size_t length = wlen(adapter->tunnel_type);
        memcpy(row->Description, adapter->tunnel_type, length * sizeof(WCHAR));
        static const char suffix[] = " Tunnel";
        for (size_t i = 0; i < sizeof suffix; i++)
            row->Description[length + i] = (WCHAR)suffix[i];
        row->Mtu = MAX_IP_PACKET_SIZE;
        row->Type = IF_TYPE_PROP_VIRTUAL;
        row->MediaConnectState = adapter->session ? 1 : 2; /* connected only while a session runs */
        row->TransmitLinkSpeed = row->ReceiveLinkSpeed = 100000000000ull;
    }
    pthread_mutex_unlock(&g_lock);
    return adapter ? NO_ERROR : ERROR_FILE_NOT_FOUND;
}

/* ---- test hooks: the network side --------------------------------------------------------------- */

/* Finds the adapter and, when asked, its session, holding a reference to each. */
static struct adapter *hook_enter(ULONG64 luid, int live_only, struct session **session)
{
    pthread_mutex_lock(&g_lock);
    struct adapter *adapter = adapter_with_luid(luid, live_only);
    if (adapter) {
        adapter->refs++;
        if (session) {
            *session = adapter->removed ? NULL : adapter->session;
            if (*session)
                (*session)->refs++;
        }
    }
    pthread_mutex_unlock(&g_lock);
    return adapter;
}

static void hook_exit(struct adapter *adapter, struct session *session)
{
    pthread_mutex_lock(&g_lock);
    if (session)
        session_unref(session);
    adapter_unref(adapter);
    pthread_mutex_unlock(&g_lock);
}

EXPORT BOOL WintunSimDeliver(ULONG64 luid, const BYTE *packets, const DWORD *sizes, DWORD count)
{
    struct session *session = NULL;
    struct adapter *adapter = hook_enter(luid, 1, &session);
    if (!adapter)
        return 0;
    int delivered = session && (session->driver_thread ? driver_thread_deliver(session, packets, sizes, count)
                                                       : deliver_batch(session, packets, sizes, count));
    hook_exit(adapter, session);
    return delivered;
}

EXPORT DWORD WintunSimTakeSent(ULONG64 luid, BYTE *buffer, DWORD capacity, DWORD timeout_milliseconds)
{
    struct adapter *adapter = hook_enter(luid, 0, NULL);
    if (!adapter)
        return 0;
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_sec += timeout_milliseconds / 1000;
    deadline.tv_nsec += (long)(timeout_milliseconds % 1000) * 1000000;
    if (deadline.tv_nsec >= 1000000000) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000;
    }
    pthread_mutex_lock(&adapter->sent_lock);
    while (!adapter->sent_first
           && pthread_cond_timedwait(&adapter->sent_cond, &adapter->sent_lock, &deadline) != ETIMEDOUT) {
    }
    struct sent_packet *sent = adapter->sent_first;
    if (sent) {
        adapter->sent_first = sent->next;
        if (!adapter->sent_first)
            adapter->sent_last = NULL;
        adapter->sent_count--;
    }
    pthread_mutex_unlock(&adapter->sent_lock);
    hook_exit(adapter, NULL);
    if (!sent)
        return 0;
    DWORD size = sent->size < capacity ? sent->size : capacity;
    memcpy(buffer, sent->bytes, size);
    free(sent);
    return size;
}

EXPORT ULONG64 WintunSimDroppedNonIp(ULONG64 luid)
{
    struct adapter *adapter = hook_enter(luid, 0, NULL);
    if (!adapter)
        return 0;
    ULONG64 count = atomic_load(&adapter->dropped_non_ip);
    hook_exit(adapter, NULL);
    return count;
}

/* Test hook: how many times WintunReceivePacket was called on the adapter's sessions. The real
 * function (WireGuard/wintun api/session.c) never waits: it answers ERROR_NO_MORE_ITEMS at once, so
 * a caller that spins calls it again and again, and the count shows the spin. */
EXPORT ULONG64 WintunSimReceiveCalls(ULONG64 luid)
{
    struct adapter *adapter = hook_enter(luid, 0, NULL);
    if (!adapter)
        return 0;
    ULONG64 count = atomic_load(&adapter->receive_calls);
    hook_exit(adapter, NULL);
    return count;
}

EXPORT ULONG64 WintunSimDroppedInboundBatches(ULONG64 luid)
{
    struct adapter *adapter = hook_enter(luid, 0, NULL);
    if (!adapter)
        return 0;
    ULONG64 count = atomic_load(&adapter->dropped_inbound_batches);
    hook_exit(adapter, NULL);
    return count;
}

EXPORT BOOL WintunSimRemoveAdapter(ULONG64 luid)
{
    pthread_mutex_lock(&g_lock);
    struct adapter *adapter = adapter_with_luid(luid, 1);
    if (adapter)
        adapter_remove(adapter);
    pthread_mutex_unlock(&g_lock);
    return adapter != NULL;
}

/* Test hook: how many CloseHandle calls, the DLL's own included, closed a handle that was not open. */
EXPORT ULONG64 WintunSimInvalidCloses(void)
{
    return atomic_load(&g_invalid_closes);
}

/* An impossible record (size 0x10000) at the driver's write position, or, in a full ring, the newest
 * record spoiled, so that a full ring never looks empty. */
EXPORT BOOL WintunSimCorruptReceiveRing(ULONG64 luid)
{
    struct session *session = NULL;
    struct adapter *adapter = hook_enter(luid, 1, &session);
    if (!adapter)
        return 0;
    int done = 0;
    if (session) {
        uint32_t mask = session->capacity - 1;
        uint32_t impossible = MAX_IP_PACKET_SIZE + 1;
        pthread_mutex_lock(&session->rx_lock);
        uint32_t tail = session->rx->tail;
        if (tail < session->capacity) {
            if (((session->rx->head - tail - 4) & mask) < 4 && session->rx_has_newest) {
                memcpy(session->rx->data + session->rx_newest, &impossible, 4);
            } else {
                memcpy(session->rx->data + tail, &impossible, 4);
                session->rx_newest = tail;
                session->rx_has_newest = 1;
                __atomic_store_n(&session->rx->tail, (tail + 4) & mask, __ATOMIC_RELEASE);
            }
            done = 1;
        }
        pthread_mutex_unlock(&session->rx_lock);
        if (done)
            event_set(session->read_event);
    }
    hook_exit(adapter, session);
    return done;
}

/* For benchmarks: makes the latest delivered batch receivable again without copying it, by moving the
 * application's read position and Head back to where the batch began. Only when every packet of it
 * was received and released and nothing was delivered after it; returns whether it did. */
EXPORT BOOL WintunSimReplayReceived(ULONG64 luid)
{
    struct session *session = NULL;
    struct adapter *adapter = hook_enter(luid, 1, &session);
    if (!adapter)
        return 0;
    int done = 0;
    if (session) {
        pthread_mutex_lock(&session->rx_lock);
        uint32_t tail = session->rx->tail;
        if (tail < session->capacity && tail == session->rx_batch_end && tail != session->rx_batch_start
            && session->rx_read == tail && session->rx_outstanding.count == 0) {
            session->rx_read = session->rx_batch_start;
            session->rx->head = session->rx_batch_start;
            done = 1;
        }
        pthread_mutex_unlock(&session->rx_lock);
        if (done)
            event_set(session->read_event);
    }
    hook_exit(adapter, session);
    return done;
}

/* For benchmarks: when discard is set, the driver drops every sent packet unseen (no queue for
 * WintunSimTakeSent, no drop counted, no echo answered), so that a send costs only the ring's work. */
EXPORT BOOL WintunSimDiscardSent(ULONG64 luid, BOOL discard)
{
    struct session *session = NULL;
    struct adapter *adapter = hook_enter(luid, 1, &session);
    if (!adapter)
        return 0;
    if (session) {
        pthread_mutex_lock(&session->tx_lock);
        session->tx_discard = discard != 0;
        pthread_mutex_unlock(&session->tx_lock);
    }
    hook_exit(adapter, session);
    return session != NULL;
}

struct log_request {
    ENUM32 level;
    const WCHAR *message;
};

static void *log_from_thread(void *argument)
{
    struct log_request *request = argument;
    WINTUN_LOGGER_CALLBACK callback = atomic_load(&logger);
    if (callback)
        callback(request->level, filetime_now(), request->message);
    return NULL;
}

/* Calls the logger with this message, from a new native thread when asked; returns when it is done. */
EXPORT BOOL WintunSimLog(ENUM32 level, const WCHAR *message, BOOL from_new_thread)
{
    struct log_request request = {level, message};
    if (!from_new_thread) {
        log_from_thread(&request);
        return 1;
    }
    pthread_t thread;
    if (pthread_create(&thread, NULL, log_from_thread, &request) != 0)
        return 0;
    pthread_join(thread, NULL);
    return 1;
}

#include "wintun_sim_foreign.c"
#include "wintun_sim_driver_thread.c"
