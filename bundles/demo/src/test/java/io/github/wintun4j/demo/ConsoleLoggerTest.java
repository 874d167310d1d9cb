// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.demo;

import io.github.wintun4j.WintunLogLevel;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleLoggerTest {

    private static final Instant AT = Instant.parse("2026-11-26T09:05:07.042Z");

    @Test
    void formatsAsExampleC_utcWithMillisecondsInAFieldOfFour() {
        assertThat(ConsoleLogger.format(WintunLogLevel.INFO, AT, "Wintun library loaded"))
                .isEqualTo("2026-11-26 09:05:07.0042 [+] Wintun library loaded");
        assertThat(ConsoleLogger.format(WintunLogLevel.WARN, Instant.parse("2026-01-02T23:59:59.999Z"), "w"))
                .isEqualTo("2026-01-02 23:59:59.0999 [-] w");
        assertThat(ConsoleLogger.format(WintunLogLevel.ERR, Instant.parse("0999-12-31T00:00:00Z"), "e"))
                .isEqualTo("0999-12-31 00:00:00.0000 [!] e");
    }

    @Test
    void theDemosOwnLinesUseTheClockAndEndEachLine() {
        StringWriter text = new StringWriter();
        ConsoleLogger log = new ConsoleLogger(new PrintWriter(text), Clock.fixed(AT, ZoneOffset.UTC));

        log.info("one");
        log.warn("two");
        log.error("three");
        log.log(WintunLogLevel.INFO, Instant.parse("2027-03-04T05:06:07.8Z"), "from the driver");

        assertThat(text.toString().lines()).containsExactly(
                "2026-11-26 09:05:07.0042 [+] one",
                "2026-11-26 09:05:07.0042 [-] two",
                "2026-11-26 09:05:07.0042 [!] three",
                "2027-03-04 05:06:07.0800 [+] from the driver");
    }
}
