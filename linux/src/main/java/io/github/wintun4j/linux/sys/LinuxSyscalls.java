// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux.sys;

import java.nio.ByteBuffer;

/**
 * The raw libc calls the Linux support needs, each failing with the {@code errno} it set. Each
 * native backend binds this interface once (FFM, JNA) and contributes nothing else: everything
 * above it (TUN lifecycle, configuration, the session pump, error mapping) lives in
 * {@code io.github.wintun4j.linux}.
 *
 * <p>Memory: every buffer argument is a direct {@link ByteBuffer} that the caller owns and keeps
 * reachable for the whole call; the call uses the bytes from the buffer's position to its limit
 * and never moves the position. A binding must reject a heap buffer with an exception rather than
 * pass it to native code.
 *
 * <p>File descriptors are plain numbers: callers close each exactly once and never use it
 * afterwards (the number is reused by the next open).
 *
 * <p>Threading: implementations are stateless and thread-safe; {@code errno} is read on the
 * calling thread right after the call.
 */
public interface LinuxSyscalls {

    /**
     * {@code int open(const char *path, int flags)}.
     *
     * @param path  the path as NUL-terminated bytes
     * @param flags {@code O_*} flags
     * @return the new file descriptor
     * @throws ErrnoException when the call returns -1
     */
    int open(ByteBuffer path, int flags) throws ErrnoException;

    /**
     * {@code int close(int fd)}.
     *
     * @param fd the descriptor; it is released even when this reports an error
     * @throws ErrnoException when the call returns -1
     */
    void close(int fd) throws ErrnoException;

    /**
     * {@code int ioctl(int fd, unsigned long request, void *argument)}.
     *
     * @param fd       the descriptor
     * @param request  the request code, such as {@code TUNSETIFF}
     * @param argument the structure the request reads and writes
     * @return the call's non-negative result
     * @throws ErrnoException when the call returns -1
     */
    int ioctl(int fd, long request, ByteBuffer argument) throws ErrnoException;

    /**
     * {@code int ioctl(int fd, unsigned long request, unsigned long argument)}: requests that take
     * a value, such as {@code TUNSETPERSIST}.
     *
     * @param fd       the descriptor
     * @param request  the request code
     * @param argument the value
     * @return the call's non-negative result
     * @throws ErrnoException when the call returns -1
     */
    int ioctl(int fd, long request, long argument) throws ErrnoException;

    /**
     * {@code ssize_t read(int fd, void *buffer, size_t count)} into the buffer's remaining bytes.
     *
     * @param fd     the descriptor
     * @param buffer where the bytes go
     * @return the number of bytes read
     * @throws ErrnoException when the call returns -1 (EAGAIN on an empty non-blocking descriptor)
     */
    int read(int fd, ByteBuffer buffer) throws ErrnoException;

    /**
     * {@code read()} for a packet loop, where an empty descriptor ({@code EAGAIN}) ends every burst
     * of packets: as {@link #read(int, ByteBuffer)}, but a failure is returned, not thrown (an
     * exception and its stack trace per burst cost a tenth of a session's receive thread when
     * measured). Bindings override this with a call that makes no exception; this default is for
     * test doubles.
     *
     * @param fd     the descriptor
     * @param buffer where the bytes go
     * @return the number of bytes read, or {@code -errno} when the call returns -1
     */
    default int readPacket(int fd, ByteBuffer buffer) {
        try {
            return read(fd, buffer);
        } catch (ErrnoException e) {
            return -e.errno();
        }
    }

    /**
     * {@code ssize_t write(int fd, const void *buffer, size_t count)} of the buffer's remaining bytes.
     *
     * @param fd     the descriptor
     * @param buffer the bytes
     * @return the number of bytes written
     * @throws ErrnoException when the call returns -1
     */
    int write(int fd, ByteBuffer buffer) throws ErrnoException;

    /**
     * {@code int poll(struct pollfd *fds, nfds_t count, int timeout)}.
     *
     * @param fds           {@code count} consecutive {@code struct pollfd}
     * @param count         how many
     * @param timeoutMillis the longest wait in milliseconds, -1 for no limit
     * @return how many entries have events, 0 on timeout
     * @throws ErrnoException when the call returns -1 (EINTR when a signal arrived)
     */
    int poll(ByteBuffer fds, int count, int timeoutMillis) throws ErrnoException;

    /**
     * {@code int eventfd(unsigned int initval, int flags)}.
     *
     * @param initialValue the counter's start value
     * @param flags        {@code EFD_*} flags
     * @return the new file descriptor
     * @throws ErrnoException when the call returns -1
     */
    int eventfd(int initialValue, int flags) throws ErrnoException;

    /**
     * {@code int socket(int domain, int type, int protocol)}.
     *
     * @param domain   such as {@code AF_INET}
     * @param type     such as {@code SOCK_DGRAM}, possibly with {@code SOCK_CLOEXEC}
     * @param protocol the protocol, 0 for the default
     * @return the new file descriptor
     * @throws ErrnoException when the call returns -1
     */
    int socket(int domain, int type, int protocol) throws ErrnoException;

    /**
     * {@code int bind(int fd, const struct sockaddr *address, socklen_t length)}; the length is the
     * buffer's remaining bytes.
     *
     * @param fd      the socket
     * @param address the socket address
     * @throws ErrnoException when the call returns -1
     */
    void bind(int fd, ByteBuffer address) throws ErrnoException;

    /**
     * {@code int setsockopt(int fd, int level, int option, const void *value, socklen_t length)};
     * the length is the buffer's remaining bytes.
     *
     * @param fd     the socket
     * @param level  such as {@code SOL_SOCKET}
     * @param option the option
     * @param value  its value
     * @throws ErrnoException when the call returns -1
     */
    void setsockopt(int fd, int level, int option, ByteBuffer value) throws ErrnoException;
}
