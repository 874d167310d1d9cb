// SPDX-License-Identifier: Apache-2.0
/*
 * Fault injection for the wintun4j ABI simulator: every exported function that stands in for a
 * wintun.dll, kernel32 or IP Helper entry point counts its calls here, and the test hook
 * WintunSimFailCall makes the N-th call of one of them fail with a chosen Windows error, the way
 * the real function reports failure (see SIM_FAIL_* below). Live objects are counted too, so that
 * a test can tell that nothing leaked after a failure.
 */
#ifndef WINTUN_SIM_FAULTS_H
#define WINTUN_SIM_FAULTS_H

#include "wintun_sim_types.h"

/* The simulated entry points, in the order of the table in wintun_sim_faults.c. */
enum sim_function {
    SIM_WintunCreateAdapter,
    SIM_WintunOpenAdapter,
    SIM_WintunCloseAdapter,
    SIM_WintunDeleteDriver,
    SIM_WintunGetAdapterLUID,
    SIM_WintunGetRunningDriverVersion,
    SIM_WintunSetLogger,
    SIM_WintunStartSession,
    SIM_WintunEndSession,
    SIM_WintunGetReadWaitEvent,
    SIM_WintunReceivePacket,
    SIM_WintunReleaseReceivePacket,
    SIM_WintunAllocateSendPacket,
    SIM_WintunSendPacket,
    SIM_CreateEventW,
    SIM_SetEvent,
    SIM_CloseHandle,
    SIM_WaitForSingleObject,
    SIM_WaitForMultipleObjects,
    SIM_LoadLibraryExW,
    SIM_InitializeUnicastIpAddressEntry,
    SIM_CreateUnicastIpAddressEntry,
    SIM_DeleteUnicastIpAddressEntry,
    SIM_InitializeIpInterfaceEntry,
    SIM_GetIpInterfaceEntry,
    SIM_SetIpInterfaceEntry,
    SIM_GetIfEntry2,
    SIM_FUNCTION_COUNT
};

/* Kinds of live objects, for WintunSimLiveObjects. */
enum sim_object { SIM_ADAPTER_HANDLES, SIM_SESSIONS, SIM_EVENTS, SIM_ADAPTERS, SIM_OBJECT_KINDS };

/* Counts one call of function; returns the Windows error to fail it with, or 0 to run it. */
DWORD sim_call(enum sim_function function);

/* Counts one object of that kind coming (+1) or going (-1). */
void sim_object(enum sim_object kind, int change);

/* A function that fails with NULL or FALSE and GetLastError (errno here). */
#define SIM_FAIL_LAST_ERROR(function, failure)        \
    do {                                              \
        DWORD injected_ = sim_call(SIM_##function);   \
        if (injected_) {                              \
            errno = (int)injected_;                   \
            return failure;                           \
        }                                             \
    } while (0)

/* A function that returns its NETIO_STATUS. */
#define SIM_FAIL_STATUS(function)                     \
    do {                                              \
        DWORD injected_ = sim_call(SIM_##function);   \
        if (injected_)                                \
            return injected_;                         \
    } while (0)

/* A function that cannot fail (VOID, or a getter of a handle the session owns): counted only. */
#define SIM_COUNT(function) ((void)sim_call(SIM_##function))

#endif
