// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.junit;

import io.github.wintun4j.Session;
import io.github.wintun4j.ip.IcmpEcho;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.github.wintun4j.junit.TestPackets.address;
import static org.assertj.core.api.Assertions.assertThat;

@WintunMockTest(address = "10.6.7.7")
class PingAnswererTest {

    @Test
    void answersPingsAndNothingElse(Session session, TestNetwork network) throws Exception {
        try (PingAnswerer host = new PingAnswerer(session)) {
            network.inject(TestPackets.echoRequest("10.6.7.8", "10.6.7.7", 1));
            IcmpEcho reply = TestPackets.echo(network.takeSent(Duration.ofSeconds(1)));
            assertThat(reply.isReply()).isTrue();
            assertThat(reply.sequence()).isEqualTo(1);
            assertThat(reply.ip().destination()).isEqualTo(address("10.6.7.8"));

            network.inject(TestPackets.udp("10.6.7.8", 5000, "10.6.7.7", 53, new byte[8]));
            network.assertNothingSent(Duration.ofMillis(200));
        }
    }
}
