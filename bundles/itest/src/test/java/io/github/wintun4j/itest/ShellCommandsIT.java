// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.itest;

import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Test;

/** The Gogo commands of scope wintun, run through the Gogo runtime as a user types them. */
public class ShellCommandsIT extends OsgiTestSupport {

    private String run(CommandSession session, String command) throws Exception {
        Object result = session.execute(command);
        return result == null ? "" : result.toString();
    }

    @Test
    public void createPingStatsAndCloseOnTheMock() throws Exception {
        CommandProcessor processor = service(CommandProcessor.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true), new PrintStream(out, true));
        try {
            String backends = run(session, "wintun:backends");
            assertTrue(backends, backends.matches("(?s)(.*\n)?mock\\s+emulation\\s+ranking\\s+-100\\s+io\\.github\\.wintun4j\\.mock .*"));

            String created = run(session, "wintun:create -b mock -a 10.9.0.1/24 t1");
            assertTrue(created, created.startsWith("created adapter \"t1\" on mock"));

            String ping = run(session, "wintun:ping -c 3 t1 10.9.0.2 10.9.0.1");
            assertTrue(ping, ping.endsWith("3 replies"));

            String stats = run(session, "wintun:stats t1");
            assertTrue(stats, stats.contains("received 3 packets (84 bytes), 3 IPv4/IPv6 echo replies"));
            assertTrue(stats, stats.contains("sent 3 packets (84 bytes), 0 dropped (send ring full)"));
            assertTrue(stats, stats.contains("driver: delivered 3 packets, dropped 0 inbound batches"));

            String adapters = run(session, "wintun:adapters");
            assertTrue(adapters, adapters.startsWith("t1") && adapters.contains("mock") && adapters.contains("running"));

            assertTrue(run(session, "wintun:close t1").startsWith("closed adapter"));
            assertTrue(run(session, "wintun:adapters").startsWith("no adapter"));
        } finally {
            session.close();
        }
    }

    @Test
    public void anUnknownBackendIsAClearError() throws Exception {
        CommandProcessor processor = service(CommandProcessor.class);
        CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), System.out, System.err);
        try {
            session.execute("wintun:create -b nope t2");
            throw new AssertionError("created on a backend that does not exist");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("no backend named 'nope' is registered; registered: ")
                    && e.getMessage().endsWith("mock"));
        } finally {
            session.close();
        }
    }
}
