// SPDX-License-Identifier: Apache-2.0
/*
 * Call counters, one armed fault and live-object counters of the wintun4j ABI simulator, with their
 * test hooks (WintunSim*). See wintun_sim_faults.h.
 *
 * One fault is armed at a time, for the whole process: a test runs one failure at a time and reads
 * afterwards whether it fired (a call that a scenario makes a varying number of times, such as a
 * receive that spins, may not reach the N-th call).
 */
#include "wintun_sim_faults.h"

#include <errno.h>
#include <stdatomic.h>
#include <string.h>

#define EXPORT __attribute__((visibility("default")))
#define ERROR_NOT_SUPPORTED 50

struct sim_entry {
    const char *name;
    int can_fail; /* 0 for the VOID functions and the getters that have no failure value */
};

/* Same order as enum sim_function. */
static const struct sim_entry entries[SIM_FUNCTION_COUNT] = {
    {"WintunCreateAdapter", 1},
    {"WintunOpenAdapter", 1},
    {"WintunCloseAdapter", 0},
    {"WintunDeleteDriver", 1},
    {"WintunGetAdapterLUID", 0},
    {"WintunGetRunningDriverVersion", 1},
    {"WintunSetLogger", 0},
    {"WintunStartSession", 1},
    {"WintunEndSession", 0},
    {"WintunGetReadWaitEvent", 0}, /* returns a handle the session made at its start */
    {"WintunReceivePacket", 1},
    {"WintunReleaseReceivePacket", 0},
    {"WintunAllocateSendPacket", 1},
    {"WintunSendPacket", 0},
    {"CreateEventW", 1},
    {"SetEvent", 1},
    {"CloseHandle", 1},
    {"WaitForSingleObject", 1},
    {"WaitForMultipleObjects", 1},
    {"LoadLibraryExW", 1},
    {"InitializeUnicastIpAddressEntry", 0},
    {"CreateUnicastIpAddressEntry", 1},
    {"DeleteUnicastIpAddressEntry", 1},
    {"InitializeIpInterfaceEntry", 0},
    {"GetIpInterfaceEntry", 1},
    {"SetIpInterfaceEntry", 1},
    {"GetIfEntry2", 1},
};

static _Atomic DWORD calls[SIM_FUNCTION_COUNT];
static _Atomic long objects[SIM_OBJECT_KINDS];
static _Atomic int armed_function = -1;
static _Atomic DWORD armed_nth;
static _Atomic DWORD armed_count;
static _Atomic DWORD armed_error;
static _Atomic int fired;

DWORD sim_call(enum sim_function function)
{
    DWORD call = atomic_fetch_add(&calls[function], 1) + 1;
    DWORD nth = atomic_load(&armed_nth);
    if (atomic_load(&armed_function) != (int)function || call < nth || call - nth >= atomic_load(&armed_count))
        return 0;
    atomic_store(&fired, 1);
    return atomic_load(&armed_error);
}

void sim_object(enum sim_object kind, int change)
{
    atomic_fetch_add(&objects[kind], change);
}

static int function_named(const char *name)
{
    for (int i = 0; name && i < SIM_FUNCTION_COUNT; i++)
        if (strcmp(entries[i].name, name) == 0)
            return i;
    return -1;
}

/*
 * Makes count calls of function fail with error, from the nth (counted from 1 since the last
 * WintunSimResetCalls); count 0xFFFFFFFF fails every call from the nth on, as a condition that lasts
 * does in the real DLL (an ended ring, a corrupt one); nth 0 disarms. FALSE with ERROR_NOT_FOUND for
 * an unknown name, ERROR_NOT_SUPPORTED for a function that cannot fail, ERROR_INVALID_PARAMETER for
 * error 0 or count 0.
 */
EXPORT BOOL WintunSimFailCalls(const char *function, DWORD nth, DWORD count, DWORD error)
{
    int index = function_named(function);
    if (index < 0) {
        errno = ERROR_NOT_FOUND;
        return 0;
    }
    if (!entries[index].can_fail) {
        errno = ERROR_NOT_SUPPORTED;
        return 0;
    }
    if (nth != 0 && (error == 0 || count == 0)) {
        errno = ERROR_INVALID_PARAMETER;
        return 0;
    }
    atomic_store(&armed_function, -1);
    atomic_store(&fired, 0);
    atomic_store(&armed_nth, nth);
    atomic_store(&armed_error, error);
    atomic_store(&armed_count, count);
    atomic_store(&armed_function, nth ? index : -1);
    return 1;
}

/* Makes the nth call of function fail with error: WintunSimFailCalls for one call. */
EXPORT BOOL WintunSimFailCall(const char *function, DWORD nth, DWORD error)
{
    return WintunSimFailCalls(function, nth, 1, error);
}

/* Whether the armed fault failed a call. */
EXPORT BOOL WintunSimFaultFired(void)
{
    return atomic_load(&fired);
}

/* The calls of function since the last reset, or 0xFFFFFFFF for an unknown name. */
EXPORT DWORD WintunSimCallCount(const char *function)
{
    int index = function_named(function);
    return index < 0 ? 0xFFFFFFFFu : atomic_load(&calls[index]);
}

/* Whether function can be failed by WintunSimFailCall: 1, 0, or -1 for an unknown name. */
EXPORT int WintunSimCanFail(const char *function)
{
    int index = function_named(function);
    return index < 0 ? -1 : entries[index].can_fail;
}

/* Zeroes every call counter and disarms the fault. */
EXPORT void WintunSimResetCalls(void)
{
    atomic_store(&armed_function, -1);
    atomic_store(&fired, 0);
    for (int i = 0; i < SIM_FUNCTION_COUNT; i++)
        atomic_store(&calls[i], 0);
}

/* The live objects of a kind (enum sim_object): adapter handles, sessions, events, adapters not freed. */
EXPORT long WintunSimLiveObjects(DWORD kind)
{
    return kind < SIM_OBJECT_KINDS ? atomic_load(&objects[kind]) : -1;
}
