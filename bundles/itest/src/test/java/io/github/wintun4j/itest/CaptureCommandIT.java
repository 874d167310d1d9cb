// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Test;

/** wintun:capture through the Gogo runtime, as a user types it: both forms reach the right method. */
public class CaptureCommandIT extends OsgiTestSupport {

    @Test
    public void captureStartsAndStopsOnAnAdapterOfTheShell() throws Exception {
        Path file = Files.createTempDirectory("wintun4j-itest").resolve("t3.pcapng");
        CommandProcessor processor = service(CommandProcessor.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true), new PrintStream(out, true));
        try {
            session.execute("wintun:create -b mock -a 10.9.0.1/24 t3");
            String started = String.valueOf(session.execute("wintun:capture t3 " + file));
            assertTrue(started, started.startsWith("capturing adapter \"t3\" to " + file));

            String ping = String.valueOf(session.execute("wintun:ping -c 2 t3 10.9.0.2 10.9.0.1"));
            assertTrue(ping, ping.endsWith("2 replies"));

            String stopped = String.valueOf(session.execute("wintun:capture --stop t3"));
            assertTrue(stopped, stopped.startsWith("stopped capturing adapter \"t3\": 4 packets"));
            session.execute("wintun:close t3");
        } finally {
            session.close();
        }
        byte[] bytes = Files.readAllBytes(file);
        assertEquals("a pcapng Section Header Block", 0x0A0D0D0A,
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(0));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
}
