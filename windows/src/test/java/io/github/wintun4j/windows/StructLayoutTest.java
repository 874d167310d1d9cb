// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows;

import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.windows.sys.Guid;
import io.github.wintun4j.windows.sys.MibIfRow2;
import io.github.wintun4j.windows.sys.MibIpInterfaceRow;
import io.github.wintun4j.windows.sys.MibUnicastIpAddressRow;
import io.github.wintun4j.windows.sys.NetLuid;
import io.github.wintun4j.windows.sys.SockaddrInet;
import io.github.wintun4j.windows.sys.WindowsAbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every size, offset and constant the bindings and the simulator use, checked against the real
 * Windows headers: {@code layout_probe.c} is compiled by the mingw-w64 cross-compiler (Windows x64)
 * and by the host gcc against the simulator's own declarations, and both listings must give the very
 * values the Java code uses. One wrong offset anywhere fails this test.
 */
class StructLayoutTest {

    private static Map<String, Long> windows;
    private static Map<String, Long> simulator;

    @BeforeAll
    static void compile() throws Exception {
        windows = Compilers.probes(Compilers.MINGW, Compilers.sources().resolve("layout_probe.c"));
        simulator = Compilers.probes(Compilers.HOST, Compilers.sources().resolve("layout_probe.c"));
    }

    /** What the Java side uses, by probe name: checked against both compilers. */
    private static Map<String, Long> javaLayouts() {
        Map<String, Long> java = new LinkedHashMap<>();
        java.put("GUID_SIZE", (long) Guid.SIZE);
        java.put("GUID_DATA1", (long) Guid.DATA1);
        java.put("GUID_DATA2", (long) Guid.DATA2);
        java.put("GUID_DATA3", (long) Guid.DATA3);
        java.put("GUID_DATA4", (long) Guid.DATA4);
        java.put("NET_LUID_SIZE", (long) NetLuid.SIZE);
        java.put("WCHAR_SIZE", 2L);
        java.put("DWORD_SIZE", 4L);
        java.put("ULONG_SIZE", 4L);
        java.put("HANDLE_SIZE", 8L);
        java.put("SOCKADDR_INET_SIZE", (long) SockaddrInet.SIZE);
        java.put("SOCKADDR_INET_FAMILY", (long) SockaddrInet.FAMILY);
        java.put("SOCKADDR_IN_ADDR", (long) SockaddrInet.IPV4_ADDRESS);
        java.put("SOCKADDR_IN6_ADDR", (long) SockaddrInet.IPV6_ADDRESS);
        java.put("SOCKADDR_IN6_SCOPE_ID", (long) SockaddrInet.IPV6_SCOPE_ID);
        java.put("MIB_UNICASTIPADDRESS_ROW_SIZE", (long) MibUnicastIpAddressRow.SIZE);
        java.put("MIB_UNICASTIPADDRESS_ROW_ADDRESS", (long) MibUnicastIpAddressRow.ADDRESS);
        java.put("MIB_UNICASTIPADDRESS_ROW_INTERFACE_LUID", (long) MibUnicastIpAddressRow.INTERFACE_LUID);
        java.put("MIB_UNICASTIPADDRESS_ROW_INTERFACE_INDEX", (long) MibUnicastIpAddressRow.INTERFACE_INDEX);
        java.put("MIB_UNICASTIPADDRESS_ROW_PREFIX_ORIGIN", (long) MibUnicastIpAddressRow.PREFIX_ORIGIN);
        java.put("MIB_UNICASTIPADDRESS_ROW_SUFFIX_ORIGIN", (long) MibUnicastIpAddressRow.SUFFIX_ORIGIN);
        java.put("MIB_UNICASTIPADDRESS_ROW_VALID_LIFETIME", (long) MibUnicastIpAddressRow.VALID_LIFETIME);
        java.put("MIB_UNICASTIPADDRESS_ROW_PREFERRED_LIFETIME", (long) MibUnicastIpAddressRow.PREFERRED_LIFETIME);
        java.put("MIB_UNICASTIPADDRESS_ROW_ON_LINK_PREFIX_LENGTH", (long) MibUnicastIpAddressRow.ON_LINK_PREFIX_LENGTH);
        java.put("MIB_UNICASTIPADDRESS_ROW_SKIP_AS_SOURCE", (long) MibUnicastIpAddressRow.SKIP_AS_SOURCE);
        java.put("MIB_UNICASTIPADDRESS_ROW_DAD_STATE", (long) MibUnicastIpAddressRow.DAD_STATE);
        java.put("MIB_UNICASTIPADDRESS_ROW_SCOPE_ID", (long) MibUnicastIpAddressRow.SCOPE_ID);
        java.put("MIB_UNICASTIPADDRESS_ROW_CREATION_TIME_STAMP", (long) MibUnicastIpAddressRow.CREATION_TIME_STAMP);
        java.put("MIB_IPINTERFACE_ROW_SIZE", (long) MibIpInterfaceRow.SIZE);
        java.put("MIB_IPINTERFACE_ROW_FAMILY", (long) MibIpInterfaceRow.FAMILY);
        java.put("MIB_IPINTERFACE_ROW_INTERFACE_LUID", (long) MibIpInterfaceRow.INTERFACE_LUID);
        java.put("MIB_IPINTERFACE_ROW_INTERFACE_INDEX", (long) MibIpInterfaceRow.INTERFACE_INDEX);
        java.put("MIB_IPINTERFACE_ROW_SITE_PREFIX_LENGTH", (long) MibIpInterfaceRow.SITE_PREFIX_LENGTH);
        java.put("MIB_IPINTERFACE_ROW_NL_MTU", (long) MibIpInterfaceRow.NL_MTU);
        java.put("MIB_IF_ROW2_SIZE", (long) MibIfRow2.SIZE);
        java.put("MIB_IF_ROW2_INTERFACE_LUID", (long) MibIfRow2.INTERFACE_LUID);
        java.put("MIB_IF_ROW2_INTERFACE_INDEX", (long) MibIfRow2.INTERFACE_INDEX);
        java.put("MIB_IF_ROW2_INTERFACE_GUID", (long) MibIfRow2.INTERFACE_GUID);
        java.put("MIB_IF_ROW2_ALIAS", (long) MibIfRow2.ALIAS);
        java.put("MIB_IF_ROW2_DESCRIPTION", (long) MibIfRow2.DESCRIPTION);
        java.put("IF_MAX_STRING_SIZE", (long) MibIfRow2.STRING_UNITS - 1);
        java.put("AF_INET", (long) WindowsAbi.AF_INET);
        java.put("AF_INET6", (long) WindowsAbi.AF_INET6);
        java.put("IP_DAD_STATE_PREFERRED", (long) WindowsAbi.IP_DAD_STATE_PREFERRED);
        java.put("IF_TYPE_PROP_VIRTUAL", (long) WindowsAbi.IF_TYPE_PROP_VIRTUAL);
        java.put("WAIT_OBJECT_0", (long) WindowsAbi.WAIT_OBJECT_0);
        java.put("WAIT_TIMEOUT", (long) WindowsAbi.WAIT_TIMEOUT);
        java.put("WAIT_FAILED", Integer.toUnsignedLong(WindowsAbi.WAIT_FAILED));
        java.put("NO_ERROR", (long) WindowsAbi.NO_ERROR);
        java.put("ERROR_FILE_NOT_FOUND", (long) WintunErrors.ERROR_FILE_NOT_FOUND);
        java.put("ERROR_INVALID_HANDLE", (long) WindowsAbi.ERROR_INVALID_HANDLE);
        java.put("ERROR_NOT_ENOUGH_MEMORY", (long) WintunErrors.ERROR_NOT_ENOUGH_MEMORY);
        java.put("ERROR_INVALID_DATA", (long) WintunErrors.ERROR_INVALID_DATA);
        java.put("ERROR_HANDLE_EOF", (long) WintunErrors.ERROR_HANDLE_EOF);
        java.put("ERROR_INVALID_PARAMETER", (long) WintunErrors.ERROR_INVALID_PARAMETER);
        java.put("ERROR_BUFFER_OVERFLOW", (long) WintunErrors.ERROR_BUFFER_OVERFLOW);
        java.put("ERROR_ALREADY_EXISTS", (long) WintunErrors.ERROR_ALREADY_EXISTS);
        java.put("ERROR_NO_MORE_ITEMS", (long) WintunErrors.ERROR_NO_MORE_ITEMS);
        java.put("ERROR_NOT_FOUND", (long) WintunErrors.ERROR_NOT_FOUND);
        java.put("ERROR_ALREADY_INITIALIZED", (long) WintunErrors.ERROR_ALREADY_INITIALIZED);
        java.put("ERROR_OBJECT_ALREADY_EXISTS", (long) WintunErrors.ERROR_OBJECT_ALREADY_EXISTS);
        return java;
    }

    /** Used on Windows only: the simulator has no loader. */
    private static Map<String, Long> javaWindowsOnly() {
        Map<String, Long> java = new LinkedHashMap<>();
        java.put("LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR", (long) WindowsAbi.LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR);
        java.put("LOAD_LIBRARY_SEARCH_APPLICATION_DIR", (long) WindowsAbi.LOAD_LIBRARY_SEARCH_APPLICATION_DIR);
        java.put("LOAD_LIBRARY_SEARCH_SYSTEM32", (long) WindowsAbi.LOAD_LIBRARY_SEARCH_SYSTEM32);
        java.put("ERROR_ACCESS_DENIED", (long) WintunErrors.ERROR_ACCESS_DENIED);
        java.put("ERROR_MOD_NOT_FOUND", (long) WindowsAbi.ERROR_MOD_NOT_FOUND);
        java.put("ERROR_PROC_NOT_FOUND", (long) WintunErrors.ERROR_PROC_NOT_FOUND);
        java.put("ERROR_BAD_EXE_FORMAT", (long) WindowsAbi.ERROR_BAD_EXE_FORMAT);
        java.put("ERROR_GEN_FAILURE", (long) WintunErrors.ERROR_GEN_FAILURE);
        java.put("ERROR_NOT_SUPPORTED", (long) WintunErrors.ERROR_NOT_SUPPORTED);
        java.put("ERROR_TOO_MANY_OPEN_FILES", (long) WintunErrors.ERROR_TOO_MANY_OPEN_FILES);
        return java;
    }

    @Test
    void theJavaLayoutsAreThoseOfTheMingwHeaders() {
        Map<String, Long> java = javaLayouts();
        java.putAll(javaWindowsOnly());
        assertThat(windows).as("layouts and constants from x86_64-w64-mingw32-gcc").containsAllEntriesOf(java);
    }

    @Test
    void theSimulatorDeclaresTheSameLayoutsAsTheMingwHeaders() {
        Map<String, Long> shared = javaLayouts();
        assertThat(simulator.keySet()).as("the simulator's probes").containsAll(shared.keySet());
        for (String name : simulator.keySet()) {
            assertThat(simulator.get(name)).as("%s: simulator (gcc) vs Windows (mingw-w64)", name)
                    .isEqualTo(windows.get(name));
        }
    }

    @Test
    void everyProbeIsCheckedByTheJavaSide() {
        Map<String, Long> java = javaLayouts();
        java.putAll(javaWindowsOnly());
        // Probes the Java code does not use directly describe fields the simulator writes.
        assertThat(windows.keySet()).containsAll(java.keySet());
        assertThat(windows).hasSizeGreaterThanOrEqualTo(java.size());
    }
}
