// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.WintunLogger;
import io.github.wintun4j.linux.sys.Errno;
import io.github.wintun4j.linux.sys.ErrnoException;
import io.github.wintun4j.tck.DocSection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every failure of every native call on Linux: runs {@link LinuxScenario} against {@link FaultyKernel} once
 * per call that a step makes, failing that call with each errno of {@link LinuxFaultPlan}, and checks after
 * each run that the application saw a {@code WintunException} (whose cause, when it has an errno, is the
 * injected one, for a call on the application's thread) or nothing at all (a retry, an ordinary "nothing to
 * read"), that no descriptor is left open or used after its close, that no device the API created is left, that the session
 * threads ended, and that the next adapter of that name works. The outcomes are the Linux table of
 * {@code docs/fault-injection.md}, which this test keeps current: a change of behaviour shows there.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LinuxFaultInjectionTest {

    private static final String NAME = "wtfault0";

    @Test
    void everyFailureOfEveryCallIsReportedOrHandledAndLeavesNothingBehind() throws Exception {
        List<Map<String, Integer>> reference = referenceRun();
        Map<String, Set<String>> table = new TreeMap<>(LinuxFaultInjectionTest::byStep);
        int runs = 0;
        for (int step = 0; step < LinuxScenario.STEPS.size(); step++) {
            for (Map.Entry<String, Integer> called : reference.get(step).entrySet()) {
                String site = called.getKey();
                if (isSessionThread(site)) {
                    continue;
                }
                for (int errno : LinuxFaultPlan.errnos(site)) {
                    Set<String> outcomes = new TreeSet<>();
                    for (int nth = 1; nth <= called.getValue(); nth++) {
                        String outcome = run(step, site, nth, errno, false);
                        if (outcome != null) {
                            outcomes.add(outcome);
                            runs++;
                        }
                    }
                    if (!outcomes.isEmpty()) {
                        table.put(step + "|" + LinuxScenario.STEPS.get(step).name() + " | `" + site + "` | "
                                + Errno.describe(errno) + " | ", outcomes);
                    }
                }
            }
        }
        int sessionStart = stepNamed("start session");
        for (String site : SESSION_THREAD_SITES) {
            assertThat(reference.stream().anyMatch(calls -> calls.containsKey(site))).as("%s is called", site).isTrue();
            for (int errno : LinuxFaultPlan.errnos(site)) {
                String outcome = run(sessionStart, site, 1, errno, true);
                assertThat(outcome).as("the first %s failed with %s", site, Errno.describe(errno)).isNotNull();
                runs++;
                table.put(LinuxScenario.STEPS.size() + "|session threads (first call after start session) | `" + site
                        + "` | " + Errno.describe(errno) + " | ", Set.of(outcome));
            }
        }
        System.out.println("Linux: " + runs + " runs with one injected failure");
        StringBuilder text = new StringBuilder("| step | call site | injected errno | outcome |\n|---|---|---|---|\n");
        table.forEach((row, outcomes) -> text.append("| ").append(row.substring(row.indexOf('|') + 1))
                .append(String.join("; or ", outcomes)).append(" |\n"));
        DocSection.verify(DocSection.projectRoot().resolve("docs/fault-injection.md"), "linux", text.toString());
    }

    /**
     * The calls of the session's own threads: when they come is a matter of timing, so each is failed at its
     * first call after the session starts (and at every later one, for an errno that lasts), whatever step
     * the application is in, and what the application saw by the end of the scenario is the outcome.
     */
    private static final List<String> SESSION_THREAD_SITES = List.of("poll (rx thread)", "read eventfd (rx thread)");

    private static boolean isSessionThread(String site) {
        return site.endsWith(" thread)");
    }

    private static int stepNamed(String name) {
        for (int step = 0; step < LinuxScenario.STEPS.size(); step++) {
            if (LinuxScenario.STEPS.get(step).name().equals(name)) {
                return step;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** Rows in the scenario's order of steps, then by call site and errno. */
    private static int byStep(String a, String b) {
        int stepA = Integer.parseInt(a.substring(0, a.indexOf('|')));
        int stepB = Integer.parseInt(b.substring(0, b.indexOf('|')));
        return stepA != stepB ? Integer.compare(stepA, stepB) : a.compareTo(b);
    }

    private static LinuxDriver driver(FaultyKernel kernel) {
        LinuxDriver driver = new LinuxDriver("fake", kernel);
        driver.setLogger(WintunLogger.off());
        return driver;
    }

    /** @return per step, the calls of each site, from a run without faults */
    private static List<Map<String, Integer>> referenceRun() throws Exception {
        FaultyKernel kernel = new FaultyKernel(new FakeKernel());
        List<Map<String, Integer>> calls = new ArrayList<>();
        try (LinuxDriver driver = driver(kernel)) {
            LinuxScenario scenario = new LinuxScenario(driver, kernel.kernel(), NAME);
            for (LinuxScenario.Step step : LinuxScenario.STEPS) {
                kernel.reset();
                step.action().run(scenario);
                calls.add(kernel.calls());
            }
        }
        assertNothingLeft(kernel, "the run without faults");
        return calls;
    }

    /**
     * One run with call {@code nth} of {@code site} in step {@code failing} failed; with {@code untilTheEnd}, the
     * fault stays armed from that step to the end of the scenario.
     *
     * @return what the application saw, or {@code null} when the fault did not fire (a site that a step calls
     *         a varying number of times, such as a session thread's poll, may not come to the nth call)
     */
    private static String run(int failing, String site, int nth, int errno, boolean untilTheEnd) {
        String what = site + " call " + nth + " of step \"" + LinuxScenario.STEPS.get(failing).name() + "\" failing with "
                + Errno.describe(errno);
        FaultyKernel kernel = new FaultyKernel(new FakeKernel());
        boolean fired = false;
        Throwable thrown = null;
        int thrownAt = -1;
        try (LinuxDriver driver = driver(kernel)) {
            LinuxScenario scenario = new LinuxScenario(driver, kernel.kernel(), NAME);
            for (int step = 0; step < LinuxScenario.STEPS.size() && thrown == null; step++) {
                if (step == failing) {
                    kernel.arm(site, nth, errno, LinuxFaultPlan.lasts(errno));
                }
                try {
                    LinuxScenario.STEPS.get(step).action().run(scenario);
                } catch (Throwable t) {
                    thrown = t;
                    thrownAt = step;
                }
                if (step == failing && !untilTheEnd) {
                    fired = kernel.fired();
                    kernel.reset();
                    if (!fired) {
                        return null;
                    }
                }
                if (step < failing && thrown != null) {
                    throw new AssertionError("step failed before the fault of " + what, thrown);
                }
            }
            if (untilTheEnd) {
                fired = kernel.fired();
                kernel.reset();
                if (!fired) {
                    return null;
                }
            }
        }
        String outcome = outcome(what, site, errno, thrown, thrownAt, failing);
        if (!kernel.kernel().devices().isEmpty()) {
            outcome += ", and the device stays (the close logs why)";
            assertThat(kernel.kernel().devices()).containsExactly(NAME);
        }
        assertThat(kernel.kernel().openDescriptors()).as("descriptors left open after " + what).isZero();
        assertThat(kernel.kernel().violations()).as("calls on closed descriptors after " + what).isEmpty();
        assertSessionThreadsEnded(what);
        nextCreateWorks(kernel, what);
        return outcome;
    }

    private static String outcome(String what, String site, int errno, Throwable thrown, int thrownAt, int failing) {
        if (thrown == null) {
            return "handled";
        }
        if (!(thrown instanceof WintunException)) {
            throw new AssertionError("only a WintunException may reach the application after " + what, thrown);
        }
        WintunException exception = (WintunException) thrown;
        if (isSessionThread(site)) {
            // which call of the application comes first after the thread failed is a matter of timing
            return "`WintunException`, " + WintunErrors.nameOf(exception.errorCode()) + " at the application's next call";
        }
        int cause = errnoOf(exception);
        if (cause != 0) {
            assertThat(cause).as("the errno under the exception after " + what).isEqualTo(errno);
        }
        return "`WintunException`, operation `" + exception.operation() + "`, " + WintunErrors.nameOf(exception.errorCode())
                + (cause != 0 ? " caused by " + Errno.describe(cause).split(" ")[0] : "")
                + (thrownAt == failing ? "" : " at step \"" + LinuxScenario.STEPS.get(thrownAt).name() + '"');
    }

    private static int errnoOf(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ErrnoException) {
                return ((ErrnoException) cause).errno();
            }
        }
        return 0;
    }

    /** The session's threads end with its close; a bounded wait on their end, not a sleep. */
    private static void assertSessionThreadsEnded(String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().endsWith(NAME) && thread.getName().startsWith("wintun4j-")) {
                try {
                    thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
                assertThat(thread.isAlive()).as(thread.getName() + " still alive after " + what).isFalse();
            }
        }
    }

    /** Without a fault, an adapter of the same name works; or, when the device stayed, opening it does. */
    private static void nextCreateWorks(FaultyKernel kernel, String what) {
        try (LinuxDriver driver = driver(kernel)) {
            boolean stayed = !kernel.kernel().devices().isEmpty();
            try (Adapter adapter = stayed ? driver.openAdapter(NAME) : driver.createAdapter(NAME, "Test", null)) {
                adapter.startSession(WintunConstants.MIN_RING_CAPACITY).close();
            }
        } catch (RuntimeException e) {
            throw new AssertionError("the next adapter after " + what + " failed", e);
        }
        assertThat(kernel.kernel().openDescriptors()).as("descriptors after the next adapter after " + what).isZero();
    }

    private static void assertNothingLeft(FaultyKernel kernel, String what) {
        assertThat(kernel.kernel().openDescriptors()).as("descriptors left open after " + what).isZero();
        assertThat(kernel.kernel().devices()).as("devices left after " + what).isEmpty();
        assertThat(kernel.kernel().violations()).as("calls on closed descriptors after " + what).isEmpty();
    }
}
