// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ffm;

import io.github.wintun4j.windows.sys.IpHelper;
import io.github.wintun4j.windows.sys.WindowsBinder.OpenedLibrary;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;

import static io.github.wintun4j.ffm.FfmDowncalls.downcall;
import static io.github.wintun4j.ffm.FfmDowncalls.segment;
import static io.github.wintun4j.ffm.FfmDowncalls.unexpected;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/** The IP Helper functions of {@link IpHelper} through {@code java.lang.foreign}; each row is one pointer. Thread-safe. */
final class FfmIpHelper implements IpHelper {

    private static final FunctionDescriptor STATUS_OF_ROW = FunctionDescriptor.of(JAVA_INT, ADDRESS);
    private static final FunctionDescriptor VOID_OF_ROW = FunctionDescriptor.ofVoid(ADDRESS);

    private final MethodHandle initializeUnicastIpAddressEntry;
    private final MethodHandle createUnicastIpAddressEntry;
    private final MethodHandle deleteUnicastIpAddressEntry;
    private final MethodHandle initializeIpInterfaceEntry;
    private final MethodHandle getIpInterfaceEntry;
    private final MethodHandle setIpInterfaceEntry;
    private final MethodHandle getIfEntry2;

    FfmIpHelper(OpenedLibrary library) {
        initializeUnicastIpAddressEntry = downcall(library, "InitializeUnicastIpAddressEntry", VOID_OF_ROW, false);
        createUnicastIpAddressEntry = downcall(library, "CreateUnicastIpAddressEntry", STATUS_OF_ROW, false);
        deleteUnicastIpAddressEntry = downcall(library, "DeleteUnicastIpAddressEntry", STATUS_OF_ROW, false);
        initializeIpInterfaceEntry = downcall(library, "InitializeIpInterfaceEntry", VOID_OF_ROW, false);
        getIpInterfaceEntry = downcall(library, "GetIpInterfaceEntry", STATUS_OF_ROW, false);
        setIpInterfaceEntry = downcall(library, "SetIpInterfaceEntry", STATUS_OF_ROW, false);
        getIfEntry2 = downcall(library, "GetIfEntry2", STATUS_OF_ROW, false);
    }

    private static void initialize(MethodHandle function, String name, ByteBuffer row) {
        try {
            function.invokeExact(segment(row));
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(name, t);
        }
    }

    private static int status(MethodHandle function, String name, ByteBuffer row) {
        try {
            return (int) function.invokeExact(segment(row));
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(name, t);
        }
    }

    @Override
    public void InitializeUnicastIpAddressEntry(ByteBuffer row) {
        initialize(initializeUnicastIpAddressEntry, "InitializeUnicastIpAddressEntry", row);
    }

    @Override
    public int CreateUnicastIpAddressEntry(ByteBuffer row) {
        return status(createUnicastIpAddressEntry, "CreateUnicastIpAddressEntry", row);
    }

    @Override
    public int DeleteUnicastIpAddressEntry(ByteBuffer row) {
        return status(deleteUnicastIpAddressEntry, "DeleteUnicastIpAddressEntry", row);
    }

    @Override
    public void InitializeIpInterfaceEntry(ByteBuffer row) {
        initialize(initializeIpInterfaceEntry, "InitializeIpInterfaceEntry", row);
    }

    @Override
    public int GetIpInterfaceEntry(ByteBuffer row) {
        return status(getIpInterfaceEntry, "GetIpInterfaceEntry", row);
    }

    @Override
    public int SetIpInterfaceEntry(ByteBuffer row) {
        return status(setIpInterfaceEntry, "SetIpInterfaceEntry", row);
    }

    @Override
    public int GetIfEntry2(ByteBuffer row) {
        return status(getIfEntry2, "GetIfEntry2", row);
    }
}
