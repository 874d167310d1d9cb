// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ip;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;

/**
 * The IP layer of a packet being built: two addresses of one family and a hop limit. Writes
 * the IPv4 or IPv6 header and gives the transport pseudo-header sum. Shared by the builders.
 * Immutable, thread-safe.
 */
final class IpFrame {

    /** wintun.h: WINTUN_MAX_IP_PACKET_SIZE; also the IPv4 total length limit. */
    static final int MAX_PACKET_LENGTH = 0xFFFF;

    private final InetAddress source;
    private final InetAddress destination;
    private final int hopLimit;

    private IpFrame(InetAddress source, InetAddress destination, int hopLimit) {
        this.source = source;
        this.destination = destination;
        this.hopLimit = hopLimit;
    }

    /**
     * The addresses and hop limit a builder was given, checked.
     *
     * @throws IllegalStateException when an address is missing or the two are of different families
     */
    static IpFrame of(InetAddress source, InetAddress destination, int hopLimit) {
        if (source == null || destination == null) {
            throw new IllegalStateException((source == null ? "source" : "destination") + " address not set");
        }
        if ((source instanceof Inet4Address) != (destination instanceof Inet4Address)) {
            throw new IllegalStateException("source " + AddressText.format(source) + " and destination "
                    + AddressText.format(destination) + " are not of the same IP version");
        }
        return new IpFrame(source, destination, hopLimit);
    }

    static int requireHopLimit(int hopLimit) {
        return requireRange(hopLimit, 0xFF, "hopLimit");
    }

    static int requireRange(int value, int max, String name) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " must be in 0.." + max + ", was " + value);
        }
        return value;
    }

    boolean isIpv4() {
        return source instanceof Inet4Address;
    }

    int headerLength() {
        return isIpv4() ? Ipv4Header.MIN_LENGTH : Ipv6Header.LENGTH;
    }

    /**
     * {@return the packet length for a transport part of the given length}
     *
     * @throws IllegalStateException when the packet would exceed 65535 bytes
     */
    int packetLength(int transportLength) {
        int length = headerLength() + transportLength;
        if (length > MAX_PACKET_LENGTH) {
            throw new IllegalStateException("a packet of " + length + " bytes exceeds the maximum of "
                    + MAX_PACKET_LENGTH + "; shorten the payload");
        }
        return length;
    }

    /**
     * Checks that the target is writable and has room, before anything is written.
     *
     * @throws ReadOnlyBufferException when the target is read-only
     * @throws IllegalArgumentException when fewer than {@code length} bytes remain
     */
    static void requireRoom(ByteBuffer target, int length) {
        if (target.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        if (target.remaining() < length) {
            throw new IllegalArgumentException("target has " + target.remaining()
                    + " bytes remaining, the packet needs " + length);
        }
    }

    void writeHeader(ByteBuffer target, int at, int protocol, int transportLength) {
        if (isIpv4()) {
            Ipv4Header.write(target, at, Ipv4Header.MIN_LENGTH + transportLength, hopLimit, protocol,
                    AddressCodec.toInt((Inet4Address) source), AddressCodec.toInt((Inet4Address) destination));
        } else {
            Ipv6Header.write(target, at, transportLength, protocol, hopLimit, source.getAddress(),
                    destination.getAddress());
        }
    }

    int pseudoHeaderSum(int protocol, int transportLength) {
        if (isIpv4()) {
            return InternetChecksum.ipv4PseudoHeaderSum((Inet4Address) source, (Inet4Address) destination, protocol,
                    transportLength);
        }
        return InternetChecksum.ipv6PseudoHeaderSum((Inet6Address) source, (Inet6Address) destination, protocol,
                transportLength);
    }
}
