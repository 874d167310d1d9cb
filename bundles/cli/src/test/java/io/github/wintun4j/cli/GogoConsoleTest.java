// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.cli;

import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The long-lived shell keeps nothing per command line (issue 16: the soak's Felix JVM ran out of
 * heap after about 2,500 lines). Runs Gogo's real runtime; the console is a stand-in that does what
 * Gogo's {@code Console} does with each line, {@code session.execute(line)}, read from the
 * session's input.
 */
class GogoConsoleTest {

    private static final int LINES = 50;

    private final ThreadIOImpl threadIo = new ThreadIOImpl();
    private CommandProcessorImpl processor;
    private final Probe probe = new Probe();

    @BeforeEach
    void startRuntime() {
        threadIo.start();
        processor = new CommandProcessorImpl(threadIo);
        processor.addCommand("gogo", new LineConsole(), "gosh");
        processor.addCommand("test", probe, "probe");
    }

    @AfterEach
    void stopRuntime() {
        processor.stop();
        threadIo.stop();
    }

    @Test
    void eachLineIsAJobOfItsOwnThatTheSessionForgets() throws Exception {
        try (CommandSession session = sessionReading("probe\n".repeat(LINES))) {
            GogoConsole.run(session, "--login");
            assertThat(probe.jobs).hasSize(LINES).containsOnly("probe");       // each line its own job,
            assertThat(probe.parents).hasSize(LINES).containsOnlyNulls();      // under no other,
            assertThat(probe.jobsSeen).hasSize(LINES).containsOnly(1);        // the only one the session holds,
            assertThat(session.jobs()).isEmpty();                             // and forgotten once done
        }
    }

    /**
     * The cause, shown on Gogo itself (what FrameworkHost did before): a console run through
     * execute() is a job, and each line runs inside it, as a child that the job keeps
     * ({@code CommandSessionImpl.createJob} adds it with {@code JobImpl.add}, which nothing undoes).
     */
    @Test
    void aConsoleRunAsAJobRunsEveryLineInsideItsJob() throws Exception {
        try (CommandSession session = sessionReading("probe\n".repeat(LINES))) {
            session.execute("gosh --login");
            assertThat(probe.jobs).hasSize(LINES).containsOnly("gosh --login");
        }
    }

    @Test
    void withoutGoshItSaysSoAndRunsNothing() {
        processor.removeCommand("gogo", "gosh");
        try (CommandSession session = sessionReading("probe\n")) {
            assertThatThrownBy(() -> GogoConsole.run(session, "--login"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("gogo:gosh");
            assertThat(probe.parents).isEmpty();
        }
    }

    @Test
    void rejectsNullArguments() {
        try (CommandSession session = sessionReading("")) {
            assertThatThrownBy(() -> GogoConsole.run(null, "--login")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> GogoConsole.run(session, (String[]) null)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private CommandSession sessionReading(String input) {
        return processor.createSession(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), new ByteArrayOutputStream());
    }

    /** Gogo's console loop in small: each line of the session's input through session.execute. */
    public static final class LineConsole {
        public void gosh(CommandSession session, String[] args) throws Exception {
            BufferedReader lines = new BufferedReader(new InputStreamReader(session.getKeyboard(), StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                session.execute(line);
            }
        }
    }

    /** Records, for each call, the job it runs in, that job's parent, and how many jobs the session holds. */
    public static final class Probe {
        final List<String> jobs = new ArrayList<>();
        final List<Job> parents = new ArrayList<>();
        final List<Integer> jobsSeen = new ArrayList<>();

        public void probe(CommandSession session) {
            Job job = Job.Utils.current();
            jobs.add(job.command().toString());
            parents.add(job.parent());
            jobsSeen.add(session.jobs().size());
        }
    }
}
