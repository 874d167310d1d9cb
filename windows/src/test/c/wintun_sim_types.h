// SPDX-License-Identifier: Apache-2.0
/*
 * The Windows x64 types and structures that wintun.dll, kernel32 and IP Helper exchange with their
 * callers, declared with fixed-width types so that gcc on Linux (LP64) lays them out as Windows x64
 * does: WCHAR is 16 bits, DWORD/ULONG 32, enums 32, BOOLEAN 8, pointers and handles 64. Written for
 * the wintun4j ABI simulator from the documented layouts; the layout test compiles these same names
 * here and against the mingw-w64 headers and compares every offset.
 */
#ifndef WINTUN_SIM_TYPES_H
#define WINTUN_SIM_TYPES_H

#include <stdint.h>

typedef uint16_t WCHAR;
typedef uint32_t DWORD;
typedef uint32_t ULONG;
typedef uint64_t ULONG64;
typedef uint64_t DWORD64;
typedef int32_t BOOL;
typedef uint8_t BOOLEAN;
typedef uint8_t BYTE;
typedef uint8_t UCHAR;
typedef uint8_t UINT8;
typedef uint16_t USHORT;
typedef uint16_t ADDRESS_FAMILY;
typedef void *HANDLE;
typedef ULONG NET_IFINDEX;
typedef ULONG NETIO_STATUS;
typedef int32_t ENUM32; /* every C enum of these headers is an int */

typedef struct _GUID {
    uint32_t Data1;
    uint16_t Data2;
    uint16_t Data3;
    uint8_t Data4[8];
} GUID;

typedef union _NET_LUID {
    ULONG64 Value;
    struct {
        ULONG64 Reserved : 24;
        ULONG64 NetLuidIndex : 24;
        ULONG64 IfType : 16;
    } Info;
} NET_LUID;

typedef struct in_addr_w {
    uint8_t s_b[4];
} IN_ADDR;

typedef struct in6_addr_w {
    uint8_t s6_b[16];
} IN6_ADDR;

typedef struct sockaddr_in_w {
    ADDRESS_FAMILY sin_family;
    USHORT sin_port;
    IN_ADDR sin_addr;
    char sin_zero[8];
} SOCKADDR_IN;

typedef struct sockaddr_in6_w {
    ADDRESS_FAMILY sin6_family;
    USHORT sin6_port;
    ULONG sin6_flowinfo;
    IN6_ADDR sin6_addr;
    ULONG sin6_scope_id;
} SOCKADDR_IN6;

typedef union _SOCKADDR_INET {
    SOCKADDR_IN Ipv4;
    SOCKADDR_IN6 Ipv6;
    ADDRESS_FAMILY si_family;
} SOCKADDR_INET;

typedef struct _MIB_UNICASTIPADDRESS_ROW {
    SOCKADDR_INET Address;
    NET_LUID InterfaceLuid;
    NET_IFINDEX InterfaceIndex;
    ENUM32 PrefixOrigin;
    ENUM32 SuffixOrigin;
    ULONG ValidLifetime;
    ULONG PreferredLifetime;
    UINT8 OnLinkPrefixLength;
    BOOLEAN SkipAsSource;
    ENUM32 DadState;
    ULONG ScopeId; /* SCOPE_ID: a union of a ULONG */
    int64_t CreationTimeStamp; /* LARGE_INTEGER */
} MIB_UNICASTIPADDRESS_ROW;

typedef struct _MIB_IPINTERFACE_ROW {
    ADDRESS_FAMILY Family;
    NET_LUID InterfaceLuid;
    NET_IFINDEX InterfaceIndex;
    ULONG MaxReassemblySize;
    ULONG64 InterfaceIdentifier;
    ULONG MinRouterAdvertisementInterval;
    ULONG MaxRouterAdvertisementInterval;
    BOOLEAN AdvertisingEnabled;
    BOOLEAN ForwardingEnabled;
    BOOLEAN WeakHostSend;
    BOOLEAN WeakHostReceive;
    BOOLEAN UseAutomaticMetric;
    BOOLEAN UseNeighborUnreachabilityDetection;
    BOOLEAN ManagedAddressConfigurationSupported;
    BOOLEAN OtherStatefulConfigurationSupported;
    BOOLEAN AdvertiseDefaultRoute;
    ENUM32 RouterDiscoveryBehavior;
    ULONG DadTransmits;
    ULONG BaseReachableTime;
    ULONG RetransmitTime;
    ULONG PathMtuDiscoveryTimeout;
    ENUM32 LinkLocalAddressBehavior;
    ULONG LinkLocalAddressTimeout;
    ULONG ZoneIndices[16]; /* ScopeLevelCount */
    ULONG SitePrefixLength;
    ULONG Metric;
    ULONG NlMtu;
    BOOLEAN Connected;
    BOOLEAN SupportsWakeUpPatterns;
    BOOLEAN SupportsNeighborDiscovery;
    BOOLEAN SupportsRouterDiscovery;
    ULONG ReachableTime;
    uint8_t TransmitOffload; /* NL_INTERFACE_OFFLOAD_ROD: BOOLEAN bit fields */
    uint8_t ReceiveOffload;
    BOOLEAN DisableDefaultRoutes;
} MIB_IPINTERFACE_ROW;

#define IF_MAX_STRING_SIZE 256
#define IF_MAX_PHYS_ADDRESS_LENGTH 32

typedef struct _MIB_IF_ROW2 {
    NET_LUID InterfaceLuid;
    NET_IFINDEX InterfaceIndex;
    GUID InterfaceGuid;
    WCHAR Alias[IF_MAX_STRING_SIZE + 1];
    WCHAR Description[IF_MAX_STRING_SIZE + 1];
    ULONG PhysicalAddressLength;
    UCHAR PhysicalAddress[IF_MAX_PHYS_ADDRESS_LENGTH];
    UCHAR PermanentPhysicalAddress[IF_MAX_PHYS_ADDRESS_LENGTH];
    ULONG Mtu;
    ULONG Type;
    ENUM32 TunnelType;
    ENUM32 MediaType;
    ENUM32 PhysicalMediumType;
    ENUM32 AccessType;
    ENUM32 DirectionType;
    uint8_t InterfaceAndOperStatusFlags; /* BOOLEAN bit fields */
    ENUM32 OperStatus;
    ENUM32 AdminStatus;
    ENUM32 MediaConnectState;
    GUID NetworkGuid;
    ENUM32 ConnectionType;
    ULONG64 TransmitLinkSpeed;
    ULONG64 ReceiveLinkSpeed;
    ULONG64 InOctets;
    ULONG64 InUcastPkts;
    ULONG64 InNUcastPkts;
    ULONG64 InDiscards;
    ULONG64 InErrors;
    ULONG64 InUnknownProtos;
    ULONG64 InUcastOctets;
    ULONG64 InMulticastOctets;
    ULONG64 InBroadcastOctets;
    ULONG64 OutOctets;
    ULONG64 OutUcastPkts;
    ULONG64 OutNUcastPkts;
    ULONG64 OutDiscards;
    ULONG64 OutErrors;
    ULONG64 OutUcastOctets;
    ULONG64 OutMulticastOctets;
    ULONG64 OutBroadcastOctets;
    ULONG64 OutQLen;
} MIB_IF_ROW2;

/* ws2def.h, nldef.h, winerror.h, winbase.h, ipifcons.h */
#define AF_INET 2
#define AF_INET6 23
#define IpDadStatePreferred 4
#define NO_ERROR 0
#define ERROR_FILE_NOT_FOUND 2
#define ERROR_INVALID_HANDLE 6
#define ERROR_NOT_ENOUGH_MEMORY 8
#define ERROR_INVALID_DATA 13
#define ERROR_HANDLE_EOF 38
#define ERROR_INVALID_PARAMETER 87
#define ERROR_CALL_NOT_IMPLEMENTED 120
#define ERROR_BUFFER_OVERFLOW 111
#define ERROR_ALREADY_EXISTS 183
#define WAIT_TIMEOUT 258
#define ERROR_NO_MORE_ITEMS 259
#define ERROR_NOT_FOUND 1168
#define ERROR_ALREADY_INITIALIZED 1247
#define ERROR_OBJECT_ALREADY_EXISTS 5010
#define WAIT_OBJECT_0 0
#define WAIT_FAILED 0xFFFFFFFFu
#define INFINITE 0xFFFFFFFFu
#define IF_TYPE_PROP_VIRTUAL 53

#endif
