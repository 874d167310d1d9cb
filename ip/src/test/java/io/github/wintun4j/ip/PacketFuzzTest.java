// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.ip;

import static io.github.wintun4j.ip.PacketDescription.Direction.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Deterministic fuzzing of every entry point that reads untrusted bytes: random bytes, and
 * valid packets that were bit-flipped, truncated, extended, or had their length fields set to
 * extreme values. Nothing may throw, the buffer must come back untouched, and whatever is
 * reported valid must be consistent with the bytes that were there.
 */
class PacketFuzzTest {

    private static final int ITERATIONS = 200_000;

    private static final Pattern DESCRIPTION = Pattern.compile(
            "Received (IPv[46] ICMP echo reply from \\S+ to \\S+"
                    + "|IPv[46] proto 0x[0-9a-f]{1,2} packet from \\S+ to \\S+"
                    + "|packet without room for an IP header"
                    + "|packet that was not IP)");

    private final ByteBuffer replyTarget = ByteBuffer.allocateDirect(0xFFFF);
    private final ByteBuffer heapArea = ByteBuffer.allocate(0x10000);
    private final ByteBuffer directArea = ByteBuffer.allocateDirect(0x10000);

    /** How often each outcome was reached: proof that the inputs get past the first checks. */
    private int validIp;
    private int validEcho;
    private int validUdp;
    private int icmpReplies;
    private int udpReplies;
    private long failuresSeen;

    @Test
    @Timeout(60)
    void randomBytesAndMutatedPackets() {
        SplittableRandom random = new SplittableRandom(0x77_17_04_1A_2026L);
        List<byte[]> seeds = seeds();
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] input = (i % 5 == 0) ? randomBytes(random) : mutate(random, seeds.get(random.nextInt(seeds.size())));
            exercise(input, random);
        }
        assertThat(validIp).as("valid IP headers").isGreaterThan(ITERATIONS / 4);
        assertThat(validEcho).as("valid echo messages").isGreaterThan(ITERATIONS / 20);
        assertThat(validUdp).as("valid UDP datagrams").isGreaterThan(ITERATIONS / 20);
        assertThat(icmpReplies).as("echo replies").isGreaterThan(ITERATIONS / 50);
        assertThat(udpReplies).as("UDP echoes").isGreaterThan(ITERATIONS / 50);
    }

    @Test
    void everyTruncationOfEverySeed() {
        SplittableRandom random = new SplittableRandom(42);
        for (byte[] seed : seeds()) {
            for (int length = 0; length <= seed.length; length++) {
                exercise(Arrays.copyOf(seed, length), random);
            }
        }
    }

    @Test
    void lengthFieldsAtTheirExtremes() {
        SplittableRandom random = new SplittableRandom(7);
        for (byte[] seed : seeds()) {
            int[] values = {0, 1, 2, 7, 8, 9, 19, 20, 21, 39, 40, 41, seed.length - 41, seed.length - 40, seed.length - 29,
                seed.length - 28, seed.length - 27, seed.length - 21, seed.length - 20, seed.length - 1, seed.length,
                seed.length + 1, 0x7FFF, 0x8000, 0xFFFE, 0xFFFF};
            for (int value : values) {
                for (int field : lengthFields(seed)) {
                    byte[] mutated = seed.clone();
                    mutated[field] = (byte) (value >>> 8);
                    mutated[field + 1] = (byte) value;
                    exercise(mutated, random);
                    exercise(withFixedChecksums(mutated), random);
                }
                for (int nibble = 0; nibble < 16; nibble++) {
                    byte[] mutated = seed.clone();
                    mutated[0] = (byte) (mutated[0] & 0xF0 | nibble); // IHL for IPv4
                    exercise(mutated, random);
                    exercise(withFixedChecksums(mutated), random);
                }
            }
        }
    }

    // ---- inputs

    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(Hex.bytes(IpHeaderTest.EXAMPLE_REQUEST));
        seeds.add(Hex.bytes(IpHeaderTest.V6_REQUEST));
        seeds.add(Hex.bytes(UdpDatagramTest.UDP4));
        seeds.add(Hex.bytes(UdpDatagramTest.UDP6));
        byte[] data = new byte[37];
        Arrays.fill(data, (byte) 0x5A);
        String[][] pairs = {{"10.6.7.8", "10.6.7.7"}, {"fd00::1", "fd00::2"}};
        for (String[] pair : pairs) {
            seeds.add(EchoPacketBuilder.request().source(Hex.ip(pair[0])).destination(Hex.ip(pair[1]))
                    .identifier(3).sequence(4).payload(data).toByteArray());
            seeds.add(EchoPacketBuilder.reply().source(Hex.ip(pair[0])).destination(Hex.ip(pair[1]))
                    .payload(data).toByteArray());
            seeds.add(UdpPacketBuilder.datagram().source(Hex.ip(pair[0]), 999).destination(Hex.ip(pair[1]), 7)
                    .payload(data).toByteArray());
        }
        // IPv6 with hop-by-hop and destination options before UDP.
        seeds.add(Hex.bytes("6000 0000 0028 00ff" + " 0000".repeat(15) + " 0002" + " 0000".repeat(7) + " 0001"
                + "3c00 0000 0000 0000" + "1101 0000 0000 0000 0000 0000 0000 0000"
                + "1234 0007 0010 0000 6162 6364 6566 6768"));
        // IPv4 with options.
        seeds.add(withFixedChecksums(Hex.bytes("4700 0024 0000 0000 4001 0000 0a00 0001 0a00 0002 0101 0101 0101 0100"
                + " 0800 0000 0001 0002")));
        return seeds;
    }

    private static byte[] randomBytes(SplittableRandom random) {
        byte[] bytes = new byte[random.nextInt(90)];
        random.nextBytes(bytes);
        if (bytes.length > 0 && random.nextBoolean()) {
            bytes[0] = (byte) (random.nextBoolean() ? 0x45 : 0x60);
        }
        return bytes;
    }

    private static byte[] mutate(SplittableRandom random, byte[] seed) {
        byte[] bytes = seed.clone();
        int rounds = 1 + random.nextInt(3);
        for (int r = 0; r < rounds && bytes.length > 0; r++) {
            switch (random.nextInt(6)) {
                case 0: // bit flips
                    for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                        bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                    }
                    break;
                case 1: // truncation
                    bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
                    break;
                case 2: // trailing bytes
                    int old = bytes.length;
                    bytes = Arrays.copyOf(bytes, old + 1 + random.nextInt(20));
                    for (int i = old; i < bytes.length; i++) {
                        bytes[i] = (byte) random.nextInt();
                    }
                    break;
                case 3: // a 16-bit field to an extreme
                    int at = random.nextInt(bytes.length);
                    int[] extremes = {0, 1, 0xFFFF, 0x8000, bytes.length, bytes.length - 1, bytes.length + 1};
                    int value = extremes[random.nextInt(extremes.length)];
                    bytes[at] = (byte) (value >>> 8);
                    if (at + 1 < bytes.length) {
                        bytes[at + 1] = (byte) value;
                    }
                    break;
                case 4: // a random byte
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt();
                    break;
                default: // fix the checksums so that the mutation reaches the reply paths
                    bytes = withFixedChecksums(bytes);
                    break;
            }
        }
        return bytes;
    }

    /** Offsets of the 16-bit length fields this packet has: IPv4 total length or IPv6 payload length, UDP length. */
    private static int[] lengthFields(byte[] packet) {
        boolean v4 = (packet[0] & 0xF0) == 0x40;
        int ipField = v4 ? 2 : 4;
        int transport = v4 ? (packet[0] & 0x0F) * 4 : 40;
        int protocol = v4 ? packet[9] : packet[6];
        if (protocol == IpProtocol.UDP && transport + 6 <= packet.length) {
            return new int[] {ipField, transport + 4};
        }
        return new int[] {ipField};
    }

    /** Recomputes the IPv4 header, ICMP and UDP checksums where the packet parses far enough. */
    private static byte[] withFixedChecksums(byte[] packet) {
        ByteBuffer buffer = ByteBuffer.wrap(packet);
        Optional<IpHeader> parsed = IpHeader.parse(buffer).toOptional();
        if (parsed.isEmpty()) {
            return packet;
        }
        IpHeader ip = parsed.get();
        if (ip instanceof Ipv4Header) {
            BigEndian.put16(buffer, 10, 0);
            BigEndian.put16(buffer, 10, InternetChecksum.checksum(buffer, 0, ip.headerLength()));
        }
        int at = ip.transportOffset();
        int length = ip.transportLength();
        int protocol = ip.transportProtocol();
        if ((protocol == IpProtocol.ICMP || protocol == IpProtocol.ICMPV6) && length >= 8) {
            int pseudo = ip.version() == 4 ? 0 : TransportLocator.pseudoHeaderSum(ip, IpProtocol.ICMPV6, length);
            BigEndian.put16(buffer, at + 2, 0);
            BigEndian.put16(buffer, at + 2, InternetChecksum.checksum(buffer, at, length, pseudo));
        } else if (protocol == IpProtocol.UDP && length >= 8) {
            int udpLength = BigEndian.u16(buffer, at + 4);
            if (udpLength >= 8 && udpLength <= length) {
                BigEndian.put16(buffer, at + 6, 0);
                int checksum = InternetChecksum.checksum(buffer, at, udpLength,
                        TransportLocator.pseudoHeaderSum(ip, IpProtocol.UDP, udpLength));
                BigEndian.put16(buffer, at + 6, checksum == 0 ? 0xFFFF : checksum);
            }
        }
        return packet;
    }

    // ---- the checks

    private void exercise(byte[] data, SplittableRandom random) {
        ByteBuffer packet = place(data, random);
        int position = packet.position();
        int limit = packet.limit();
        ByteOrder order = packet.order();
        try {
            check(data, packet);
        } catch (Throwable t) {
            throw new AssertionError("failed on " + Hex.hex(data) + " in " + packet, t);
        }
        assertThat(packet.position()).isEqualTo(position);
        assertThat(packet.limit()).isEqualTo(limit);
        assertThat(packet.order()).isEqualTo(order);
    }

    /** The bytes in one of several kinds of buffer, at a random position with garbage around them. */
    private ByteBuffer place(byte[] data, SplittableRandom random) {
        int before = random.nextInt(4);
        int after = random.nextInt(4);
        // Reused buffers: allocating a direct buffer per input would dominate the run time.
        ByteBuffer buffer = (random.nextBoolean() ? heapArea : directArea).duplicate();
        buffer.clear().limit(before + data.length + after);
        for (int i = 0; i < buffer.limit(); i++) {
            buffer.put(i, (byte) 0xEE);
        }
        buffer.put(before, data);
        buffer.position(before).limit(before + data.length);
        if (random.nextBoolean()) {
            buffer.order(ByteOrder.LITTLE_ENDIAN);
        }
        return random.nextInt(4) == 0 ? buffer.asReadOnlyBuffer() : buffer;
    }

    // Plain checks rather than AssertJ in this loop: it runs millions of times.
    private void check(byte[] data, ByteBuffer packet) {
        expect(IpHeader.version(packet) == (data.length == 0 ? -1 : (data[0] & 0xFF) >>> 4), "version nibble");

        ParseResult<IpHeader> ip = IpHeader.parse(packet);
        ParseResult<Ipv4Header> v4 = Ipv4Header.parse(packet);
        ParseResult<Ipv6Header> v6 = Ipv6Header.parse(packet);
        checkResult(ip);
        checkResult(v4);
        checkResult(v6);
        expect(ip.isValid() == (v4.isValid() || v6.isValid()), "IpHeader agrees with Ipv4Header and Ipv6Header");
        expect(!(v4.isValid() && v6.isValid()), "not both IPv4 and IPv6");
        if (ip.isValid()) {
            validIp++;
            checkIp(data, ip.value());
        }

        ParseResult<IcmpEcho> echo = IcmpEcho.parse(packet);
        checkResult(echo);
        if (echo.isValid()) {
            validEcho++;
            IcmpEcho e = echo.value();
            expect(ip.isValid(), "an echo message has a valid IP header");
            checkIp(data, e.ip());
            expect(e.payloadOffset() + e.payloadLength() == e.ip().totalLength(), "echo data ends with the packet");
            expect(Arrays.equals(e.payloadBytes(), Arrays.copyOfRange(data, e.payloadOffset(), e.ip().totalLength())),
                    "echo data is the packet's bytes");
            expect(e.payload().remaining() == e.payloadLength(), "echo payload view length");
            expect(e.isRequest() != e.isReply(), "request or reply");
        }

        ParseResult<UdpDatagram> udp = UdpDatagram.parse(packet);
        checkResult(udp);
        if (udp.isValid()) {
            validUdp++;
            UdpDatagram u = udp.value();
            checkIp(data, u.ip());
            expect(u.length() >= 8 && u.length() <= u.ip().transportLength(), "UDP length within the IP payload");
            expect(u.payloadOffset() + u.payloadLength() <= u.ip().totalLength(), "UDP data within the packet");
            expect(Arrays.equals(u.payloadBytes(), Arrays.copyOfRange(data, u.payloadOffset(),
                    u.payloadOffset() + u.payloadLength())), "UDP data is the packet's bytes");
        }
        expect(!(echo.isValid() && udp.isValid()), "not both ICMP and UDP");

        String description = PacketDescription.describe(RECEIVED, packet);
        expect(DESCRIPTION.matcher(description).matches(), description);

        Optional<byte[]> icmpReply = EchoResponder.icmpReply(packet);
        if (icmpReply.isPresent()) {
            icmpReplies++;
            IcmpEcho request = echo.value();
            expect(request.isRequest() && request.isChecksumValid(), "only a correct request is answered");
            IcmpEcho reply = IcmpEcho.parse(ByteBuffer.wrap(icmpReply.get())).value();
            expect(reply.isReply() && reply.isChecksumValid(), "the reply is a correct reply");
            expect(reply.identifier() == request.identifier() && reply.sequence() == request.sequence(), "same id and seq");
            expect(Arrays.equals(reply.payloadBytes(), request.payloadBytes()), "same data");
            expect(reply.ip().source().equals(request.ip().destination())
                    && reply.ip().destination().equals(request.ip().source()), "addresses swapped");
            expect(!(reply.ip() instanceof Ipv4Header) || ((Ipv4Header) reply.ip()).isChecksumValid(), "header checksum");
        }
        checkWritten(icmpReply, EchoResponder.writeIcmpReply(packet, replyTarget.clear()));

        Optional<byte[]> udpReply = EchoResponder.udpReply(packet);
        if (udpReply.isPresent()) {
            udpReplies++;
            UdpDatagram request = udp.value();
            UdpDatagram reply = UdpDatagram.parse(ByteBuffer.wrap(udpReply.get())).value();
            expect(request.isChecksumValid() && reply.isChecksumValid() && reply.hasChecksum(), "UDP checksums");
            expect(reply.sourcePort() == request.destinationPort() && reply.destinationPort() == request.sourcePort(),
                    "ports swapped");
            expect(Arrays.equals(reply.payloadBytes(), request.payloadBytes()), "same data");
            expect(reply.ip().source().equals(request.ip().destination())
                    && reply.ip().destination().equals(request.ip().source()), "addresses swapped");
        }
        checkWritten(udpReply, EchoResponder.writeUdpReply(packet, replyTarget.clear()));
    }

    private static void checkIp(byte[] data, IpHeader ip) {
        expect(ip.version() == (data[0] & 0xFF) >>> 4, "IP version");
        expect(ip.totalLength() <= data.length, "declared length within the buffer");
        expect(ip.headerLength() <= ip.transportOffset() && ip.transportOffset() <= ip.totalLength(),
                "header <= transport offset <= total length");
        expect(ip.payloadLength() == ip.totalLength() - ip.headerLength(), "payload length");
        expect(ip.protocol() >= 0 && ip.protocol() <= 255 && ip.hopLimit() >= 0 && ip.hopLimit() <= 255, "byte fields");
        if (ip instanceof Ipv4Header) {
            expect(ip.headerLength() >= 20 && ip.headerLength() <= 60 && ip.headerLength() % 4 == 0, "IHL");
        } else {
            expect(ip.headerLength() == 40, "IPv6 header length");
        }
        expect(ip.source() != null && ip.destination() != null && !ip.toString().isBlank(), "addresses and text");
    }

    private void checkResult(ParseResult<?> result) {
        expect(!result.reason().isBlank(), "a reason");
        expect(result.toOptional().isPresent() == result.isValid(), "optional agrees with the status");
        expect(result.isValid() == (result.status() == ParseResult.Status.VALID), "status");
        if (!result.isValid()) {
            if (++failuresSeen % 64 != 0) {
                return; // throwing is slow; a sample of the failures is enough
            }
            try {
                result.value();
                throw new AssertionError("value() of " + result + " did not throw");
            } catch (IllegalStateException expected) {
                // as documented
            }
        } else {
            expect(!result.value().toString().isBlank(), "toString");
        }
    }

    private void checkWritten(Optional<byte[]> expected, OptionalInt written) {
        expect(written.isPresent() == expected.isPresent(), "write form agrees with the array form");
        if (expected.isPresent()) {
            byte[] copy = new byte[written.getAsInt()];
            replyTarget.get(0, copy);
            expect(Arrays.equals(copy, expected.get()), "write form writes the same bytes");
        }
    }

    private static void expect(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }
}
