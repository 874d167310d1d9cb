// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.cli;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;

import java.util.List;

/**
 * Runs Gogo's console ({@code gosh}) on a session without making the console a job.
 *
 * <p>Why: Gogo's runtime (1.1.6, {@code CommandSessionImpl.createJob}) makes every command line
 * read by a console that runs as a job a child of that job ({@code JobImpl.add}), and a finished
 * child is never removed from its parent's list: with its pipes and their three buffered streams,
 * each command line stays in the heap until the console ends (about 33 KB a line; the 96 MiB soak
 * JVM ran out after about 2,500 lines, issue 16). {@code session.execute("gosh ...")} runs the
 * console as such a job. Calling the {@code gosh} function itself runs it outside any job, so each
 * line is a job of its own, which the session forgets once it is done.
 *
 * <p>Not thread-safe; {@link #run} blocks for as long as the console reads.
 */
final class GogoConsole {

    /** The name under which Gogo's shell bundle registers its console function. */
    static final String GOSH = "gogo:gosh";

    private GogoConsole() {
    }

    /**
     * Runs the console until its input ends (or the framework stops it).
     *
     * @param session the session whose streams the console reads and writes
     * @param args    the console's arguments, for instance {@code --login --noshutdown}
     * @throws IllegalStateException when no {@code gosh} function is registered (Gogo's shell bundle absent)
     * @throws Exception             what the console throws, {@link InterruptedException} when the framework stops it
     */
    static void run(CommandSession session, String... args) throws Exception {
        if (session == null || args == null) {
            throw new IllegalArgumentException("session and args must not be null");
        }
        Object gosh = session.get(GOSH);
        if (!(gosh instanceof Function)) {
            throw new IllegalStateException("Gogo's console (" + GOSH + ") is not registered: is the gogo.shell bundle running?");
        }
        ((Function) gosh).execute(session, List.of((Object[]) args));
    }
}
