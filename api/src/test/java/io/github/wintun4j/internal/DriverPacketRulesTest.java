// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

/** The driver's one check on packets from the application. */
class DriverPacketRulesTest {

    @Test
    void passesIpv4FromTwentyBytesAndIpv6FromFortyOnly() {
        assertThat(DriverPacketRules.acceptsFromApplication(frame(0x45, 20))).isTrue();
        assertThat(DriverPacketRules.acceptsFromApplication(frame(0x45, 19))).isFalse();
        assertThat(DriverPacketRules.acceptsFromApplication(frame(0x60, 40))).isTrue();
        assertThat(DriverPacketRules.acceptsFromApplication(frame(0x60, 39))).isFalse();
        assertThat(DriverPacketRules.acceptsFromApplication(frame(0x50, 100))).isFalse();
        assertThat(DriverPacketRules.acceptsFromApplication(frame(0x00, 100))).isFalse();
        assertThat(DriverPacketRules.acceptsFromApplication(ByteBuffer.allocate(0))).isFalse();
    }

    @Test
    void readsFromThePositionWithoutMovingIt() {
        ByteBuffer buffer = ByteBuffer.allocate(30);
        buffer.put(5, (byte) 0x45).position(5);
        assertThat(DriverPacketRules.acceptsFromApplication(buffer)).isTrue();
        assertThat(buffer.position()).isEqualTo(5);
    }

    private static ByteBuffer frame(int firstByte, int size) {
        ByteBuffer buffer = ByteBuffer.allocate(size);
        buffer.put(0, (byte) firstByte);
        return buffer;
    }
}
