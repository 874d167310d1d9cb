// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ffm;

import io.github.wintun4j.linux.BindingUnavailableException;
import io.github.wintun4j.linux.sys.ErrnoException;
import io.github.wintun4j.linux.sys.LinuxSyscalls;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The libc calls of {@link LinuxSyscalls} through {@code java.lang.foreign}: one downcall handle
 * per function, resolved lazily in its own holder class, each capturing {@code errno} right after
 * the call ({@link Linker.Option#captureCallState}). The C names are kept verbatim.
 *
 * <p>Memory: buffers are wrapped with {@link MemorySegment#ofBuffer}, which keeps the buffer
 * reachable for the call; a heap buffer is refused before any native call. The call-state segment
 * is one per thread. Stateless otherwise; thread-safe.
 */
final class LibC implements LinuxSyscalls {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final ThreadLocal<MemorySegment> STATE =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(CALL_STATE));

    private LibC() {
    }

    /**
     * Binds libc; resolving {@code close} proves that this module may make downcalls.
     *
     * @return the binding
     * @throws IllegalCallerException      when the JVM denies this module native access
     * @throws BindingUnavailableException when the JVM has no native linker for this platform
     */
    static LibC bind() throws BindingUnavailableException {
        try {
            // Not through a holder class: a failure here must surface as itself, every time it is asked.
            downcall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        } catch (UnsupportedOperationException e) {
            throw new BindingUnavailableException("this JVM has no native linker for this platform: "
                    + e.getMessage(), e);
        }
        return new LibC();
    }

    private static MethodHandle downcall(String name, FunctionDescriptor descriptor, Linker.Option... variadic) {
        MemorySegment symbol = LINKER.defaultLookup().find(name).orElseThrow(() ->
                new UnsatisfiedLinkError("libc function " + name + " not found by the native linker's default lookup"));
        Linker.Option[] options = new Linker.Option[variadic.length + 1];
        System.arraycopy(variadic, 0, options, 0, variadic.length);
        options[variadic.length] = Linker.Option.captureCallState("errno");
        return LINKER.downcallHandle(symbol, descriptor, options);
    }

    private static MemorySegment segment(ByteBuffer buffer) {
        if (!buffer.isDirect()) {
            throw new IllegalArgumentException("native calls take direct buffers only, got " + buffer);
        }
        return MemorySegment.ofBuffer(buffer);
    }

    /** One downcall, given the thread's call-state segment that captures {@code errno}. */
    @FunctionalInterface
    private interface Downcall {
        long invoke(MemorySegment state) throws Throwable;
    }

    /**
     * Makes a downcall and turns a negative result into the {@code errno} it captured.
     *
     * @return the non-negative result
     */
    private static long call(String function, Downcall downcall) throws ErrnoException {
        MemorySegment state = STATE.get();
        long result;
        try {
            result = downcall.invoke(state);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("downcall " + function + " failed unexpectedly", t);
        }
        if (result < 0) {
            throw new ErrnoException(function, (int) ERRNO.get(state, 0L));
        }
        return result;
    }

    @Override
    public int open(ByteBuffer path, int flags) throws ErrnoException {
        return (int) call("open", state -> (int) Open.HANDLE.invokeExact(state, segment(path), flags, 0));
    }

    @Override
    public void close(int fd) throws ErrnoException {
        call("close", state -> (int) Close.HANDLE.invokeExact(state, fd));
    }

    @Override
    public int ioctl(int fd, long request, ByteBuffer argument) throws ErrnoException {
        return (int) call("ioctl", state -> (int) IoctlPointer.HANDLE.invokeExact(state, fd, request, segment(argument)));
    }

    @Override
    public int ioctl(int fd, long request, long argument) throws ErrnoException {
        return (int) call("ioctl", state -> (int) IoctlValue.HANDLE.invokeExact(state, fd, request, argument));
    }

    @Override
    public int read(int fd, ByteBuffer buffer) throws ErrnoException {
        return (int) call("read", state -> (long) Read.HANDLE.invokeExact(state, fd, segment(buffer),
                (long) buffer.remaining()));
    }

    @Override
    public int readPacket(int fd, ByteBuffer buffer) {
        MemorySegment state = STATE.get();
        long result;
        try {
            result = (long) Read.HANDLE.invokeExact(state, fd, segment(buffer), (long) buffer.remaining());
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("downcall read failed unexpectedly", t);
        }
        return result < 0 ? -(int) ERRNO.get(state, 0L) : (int) result;
    }

    @Override
    public int write(int fd, ByteBuffer buffer) throws ErrnoException {
        return (int) call("write", state -> (long) Write.HANDLE.invokeExact(state, fd, segment(buffer),
                (long) buffer.remaining()));
    }

    @Override
    public int poll(ByteBuffer fds, int count, int timeoutMillis) throws ErrnoException {
        return (int) call("poll", state -> (int) Poll.HANDLE.invokeExact(state, segment(fds), (long) count,
                timeoutMillis));
    }

    @Override
    public int eventfd(int initialValue, int flags) throws ErrnoException {
        return (int) call("eventfd", state -> (int) Eventfd.HANDLE.invokeExact(state, initialValue, flags));
    }

    @Override
    public int socket(int domain, int type, int protocol) throws ErrnoException {
        return (int) call("socket", state -> (int) Socket.HANDLE.invokeExact(state, domain, type, protocol));
    }

    @Override
    public void bind(int fd, ByteBuffer address) throws ErrnoException {
        call("bind", state -> (int) Bind.HANDLE.invokeExact(state, fd, segment(address), address.remaining()));
    }

    @Override
    public void setsockopt(int fd, int level, int option, ByteBuffer value) throws ErrnoException {
        call("setsockopt", state -> (int) Setsockopt.HANDLE.invokeExact(state, fd, level, option, segment(value),
                value.remaining()));
    }

    // One holder per function: a handle is resolved on first use only.

    private static final class Open {
        /** {@code int open(const char *path, int flags, ... /* mode_t mode *\/)}. */
        static final MethodHandle HANDLE = downcall("open",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2));
    }

    private static final class Close {
        /** {@code int close(int fd)}. */
        static final MethodHandle HANDLE = downcall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    }

    private static final class IoctlPointer {
        /** {@code int ioctl(int fd, unsigned long request, ... /* void *argument *\/)}. */
        static final MethodHandle HANDLE = downcall("ioctl",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS), Linker.Option.firstVariadicArg(2));
    }

    private static final class IoctlValue {
        /** {@code int ioctl(int fd, unsigned long request, ... /* unsigned long argument *\/)}. */
        static final MethodHandle HANDLE = downcall("ioctl",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG), Linker.Option.firstVariadicArg(2));
    }

    private static final class Read {
        /** {@code ssize_t read(int fd, void *buffer, size_t count)}. */
        static final MethodHandle HANDLE = downcall("read",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    }

    private static final class Write {
        /** {@code ssize_t write(int fd, const void *buffer, size_t count)}. */
        static final MethodHandle HANDLE = downcall("write",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    }

    private static final class Poll {
        /** {@code int poll(struct pollfd *fds, nfds_t nfds, int timeout)}. */
        static final MethodHandle HANDLE = downcall("poll",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    }

    private static final class Eventfd {
        /** {@code int eventfd(unsigned int initval, int flags)}. */
        static final MethodHandle HANDLE = downcall("eventfd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    }

    private static final class Socket {
        /** {@code int socket(int domain, int type, int protocol)}. */
        static final MethodHandle HANDLE = downcall("socket",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    }

    private static final class Bind {
        /** {@code int bind(int fd, const struct sockaddr *address, socklen_t length)}. */
        static final MethodHandle HANDLE = downcall("bind",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    }

    private static final class Setsockopt {
        /** {@code int setsockopt(int fd, int level, int option, const void *value, socklen_t length)}. */
        static final MethodHandle HANDLE = downcall("setsockopt",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    }
}
