// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;

import io.github.wintun4j.linux.BindingUnavailableException;
import io.github.wintun4j.linux.sys.ErrnoException;
import io.github.wintun4j.linux.sys.LinuxSyscalls;

import java.nio.ByteBuffer;

/**
 * The libc calls of {@link LinuxSyscalls} through JNA direct mapping: {@code static native}
 * methods with the C names verbatim, registered on first use (class {@link C}), reporting
 * {@code errno} with {@link LastErrorException}. Variadic functions ({@code open}, {@code ioctl})
 * are bound with their fixed arguments, which the x86_64 and aarch64 Linux calling conventions
 * pass the same way.
 *
 * <p>Memory: JNA passes a direct buffer as the address of its first byte; the buffer argument
 * keeps it reachable for the call. A slice is taken when the position is not 0, and a heap
 * buffer is refused before any native call. Stateless; thread-safe.
 */
final class JnaLibC implements LinuxSyscalls {

    /** The native methods, registered with libc when this class initializes. */
    private static final class C {
        static {
            Native.register(C.class, Platform.C_LIBRARY_NAME);
        }

        static native int open(ByteBuffer path, int flags, int mode) throws LastErrorException;

        static native int close(int fd) throws LastErrorException;

        static native int ioctl(int fd, long request, ByteBuffer argument) throws LastErrorException;

        static native int ioctl(int fd, long request, long argument) throws LastErrorException;

        static native long read(int fd, ByteBuffer buffer, long count) throws LastErrorException;

        static native long write(int fd, ByteBuffer buffer, long count) throws LastErrorException;

        static native int poll(ByteBuffer fds, long count, int timeout) throws LastErrorException;

        static native int eventfd(int initval, int flags) throws LastErrorException;

        static native int socket(int domain, int type, int protocol) throws LastErrorException;

        static native int bind(int fd, ByteBuffer address, int length) throws LastErrorException;

        static native int setsockopt(int fd, int level, int option, ByteBuffer value, int length)
                throws LastErrorException;
    }

    /**
     * Native methods that report failure by their result alone: no {@link LastErrorException} (an
     * exception per empty read would cost more than the read), {@code errno} from
     * {@link Native#getLastError()}, which JNA saves after every call.
     */
    private static final class Unchecked {
        static {
            Native.register(Unchecked.class, Platform.C_LIBRARY_NAME);
        }

        static native long read(int fd, ByteBuffer buffer, long count);
    }

    /**
     * Registers the native methods now, so that a JVM that cannot load JNA says so at probe time.
     *
     * @return the binding
     * @throws IllegalCallerException      when the JVM denies native access
     * @throws BindingUnavailableException when JNA's native library cannot load
     */
    static JnaLibC bind() throws BindingUnavailableException {
        try {
            Class.forName(C.class.getName(), true, C.class.getClassLoader());
            Class.forName(Unchecked.class.getName(), true, Unchecked.class.getClassLoader());
            return new JnaLibC();
        } catch (ExceptionInInitializerError e) {
            if (e.getCause() instanceof IllegalCallerException) {
                throw (IllegalCallerException) e.getCause();
            }
            throw new BindingUnavailableException("JNA failed to register libc: " + e.getCause(), e);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new BindingUnavailableException("JNA cannot load its native library here (" + e
                    + "); the directory in jna.tmpdir or java.io.tmpdir must allow executing files", e);
        }
    }

    /** @return the buffer from its position on, as JNA passes a direct buffer from its first byte */
    private static ByteBuffer atPosition(ByteBuffer buffer) {
        if (!buffer.isDirect()) {
            throw new IllegalArgumentException("native calls take direct buffers only, got " + buffer);
        }
        return buffer.position() == 0 ? buffer : buffer.slice();
    }

    /** One call of a native method, which reports {@code errno} with {@link LastErrorException}. */
    @FunctionalInterface
    private interface NativeCall {
        long invoke();
    }

    /** @return the call's result, or throws the {@code errno} it reported */
    private static long call(String function, NativeCall call) throws ErrnoException {
        try {
            return call.invoke();
        } catch (LastErrorException e) {
            ErrnoException failure = new ErrnoException(function, e.getErrorCode());
            failure.initCause(e);
            throw failure;
        }
    }

    @Override
    public int open(ByteBuffer path, int flags) throws ErrnoException {
        return (int) call("open", () -> C.open(atPosition(path), flags, 0));
    }

    @Override
    public void close(int fd) throws ErrnoException {
        call("close", () -> C.close(fd));
    }

    @Override
    public int ioctl(int fd, long request, ByteBuffer argument) throws ErrnoException {
        return (int) call("ioctl", () -> C.ioctl(fd, request, atPosition(argument)));
    }

    @Override
    public int ioctl(int fd, long request, long argument) throws ErrnoException {
        return (int) call("ioctl", () -> C.ioctl(fd, request, argument));
    }

    @Override
    public int read(int fd, ByteBuffer buffer) throws ErrnoException {
        return (int) call("read", () -> C.read(fd, atPosition(buffer), buffer.remaining()));
    }

    @Override
    public int readPacket(int fd, ByteBuffer buffer) {
        long result = Unchecked.read(fd, atPosition(buffer), buffer.remaining());
        // errno only after a failure: a successful call leaves JNA's saved value stale.
        return result < 0 ? -Native.getLastError() : (int) result;
    }

    @Override
    public int write(int fd, ByteBuffer buffer) throws ErrnoException {
        return (int) call("write", () -> C.write(fd, atPosition(buffer), buffer.remaining()));
    }

    @Override
    public int poll(ByteBuffer fds, int count, int timeoutMillis) throws ErrnoException {
        return (int) call("poll", () -> C.poll(atPosition(fds), count, timeoutMillis));
    }

    @Override
    public int eventfd(int initialValue, int flags) throws ErrnoException {
        return (int) call("eventfd", () -> C.eventfd(initialValue, flags));
    }

    @Override
    public int socket(int domain, int type, int protocol) throws ErrnoException {
        return (int) call("socket", () -> C.socket(domain, type, protocol));
    }

    @Override
    public void bind(int fd, ByteBuffer address) throws ErrnoException {
        call("bind", () -> C.bind(fd, atPosition(address), address.remaining()));
    }

    @Override
    public void setsockopt(int fd, int level, int option, ByteBuffer value) throws ErrnoException {
        call("setsockopt", () -> C.setsockopt(fd, level, option, atPosition(value), value.remaining()));
    }
}
