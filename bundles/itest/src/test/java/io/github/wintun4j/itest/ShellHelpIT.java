// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Test;

/**
 * The shell as a person uses it, through the Gogo runtime: every command answers --help, nothing
 * that looks like an option becomes a name, a bad address says what is wrong, the scope can be found
 * with Gogo's own help, and wintun:backend moves the demo in one line.
 */
public class ShellHelpIT extends OsgiTestSupport {

    private static final String[] COMMANDS = {"wintun", "backends", "adapters", "create", "close", "ping", "stats",
        "capture", "backend"};

    private CommandSession session() throws InterruptedException {
        CommandProcessor processor = service(CommandProcessor.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return processor.createSession(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true),
                new PrintStream(out, true));
    }

    private static String run(CommandSession session, String command) throws Exception {
        Object result = session.execute(command);
        return result == null ? "" : result.toString();
    }

    private static String failure(CommandSession session, String command) {
        try {
            Object result = session.execute(command);
            throw new AssertionError(command + " did not fail: " + result);
        } catch (Exception e) {
            return e.getMessage();
        }
    }

    @Test
    public void everyCommandAnswersHelpAndCreatesNothing() throws Exception {
        CommandSession session = session();
        try {
            for (String command : COMMANDS) {
                for (String help : new String[] {"--help", "-h"}) {
                    String usage = run(session, "wintun:" + command + " " + help);
                    assertTrue(command + " " + help + ": " + usage, usage.startsWith("usage: wintun:" + command + " "));
                }
            }
            assertTrue(run(session, "wintun:create --help t9").startsWith("usage: wintun:create"));
            assertTrue(run(session, "wintun:adapters").startsWith("no adapter"));
        } finally {
            session.close();
        }
    }

    @Test
    public void aMistypedOptionIsAnErrorAndNeverAnAdapterName() throws Exception {
        CommandSession session = session();
        try {
            assertEquals("'--hepl' is not an option of wintun:create and not a valid adapter name (none starts with -);"
                    + " wintun:create --help lists the options", failure(session, "wintun:create --hepl"));
            assertTrue(failure(session, "wintun:create").startsWith("wintun:create needs an adapter name\nusage: "));
            assertEquals("'10.6.7.300/24' is not an IPv4 address: 300 is over 255 (each of the four numbers is 0..255)",
                    failure(session, "wintun:create -b mock -a 10.6.7.300/24 t8"));
            assertTrue(run(session, "wintun:adapters").startsWith("no adapter"));
        } finally {
            session.close();
        }
    }

    @Test
    public void theScopeIsFoundWithGogosHelp() throws Exception {
        CommandSession session = session();
        try {
            String listing = run(session, "wintun");
            for (String command : COMMANDS) {
                assertTrue(listing, command.equals("wintun") || listing.contains("\n  " + command + " "));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CommandSession helpSession = service(CommandProcessor.class).createSession(
                    new ByteArrayInputStream(new byte[0]), new PrintStream(out, true), new PrintStream(out, true));
            Object returned;
            try {
                returned = helpSession.execute("help wintun");
            } finally {
                helpSession.close();
            }
            String help = out + (returned == null ? "" : returned.toString());
            assertTrue(help, help.contains("scope: wintun") && help.contains("lists the wintun: commands (backends, adapters,"));
        } finally {
            session.close();
        }
    }

    @Test
    public void wintunBackendMovesTheDemoInOneLine() throws Exception {
        CommandSession session = session();
        try {
            assertTrue(run(session, "wintun:backend").startsWith("the demo is not configured"));
            configureDemo(io.github.wintun4j.demo.DemoStatus.BACKEND, "mock");
            Object status = service(io.github.wintun4j.demo.DemoStatus.class);
            eventually("the demo runs on the mock", () -> "mock".equals(runningBackend(status)));
            assertTrue(run(session, "wintun:backend").startsWith("the demo runs on mock; registered: "));

            String unknown = failure(session, "wintun:backend nope");
            assertTrue(unknown, unknown.startsWith("no backend named 'nope' is registered; registered: "));

            assertEquals("the demo moves from mock to auto", run(session, "wintun:backend auto"));
            eventually("the demo runs on the highest-ranked backend", () -> !runningBackend(status).isEmpty());
            assertEquals("the demo moves from auto to mock", run(session, "wintun:backend mock"));
            eventually("the demo is back on the mock", () -> "mock".equals(runningBackend(status)));
        } catch (Exception e) {
            fail(e.toString());
        } finally {
            session.close();
        }
    }

    private static String runningBackend(Object status) {
        return ((io.github.wintun4j.demo.DemoStatus) status).runningBackend();
    }
}
