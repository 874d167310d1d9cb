// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.testkit;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.tck.DocSection;
import io.github.wintun4j.platform.CrossPlatformBackend;
import io.github.wintun4j.windows.testkit.WindowsFaultPlan.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every failure of every native call: runs {@link WindowsScenario} once per call that the scenario makes to
 * a function that can fail, failing that call with each error of {@link WindowsFaultPlan}, and checks after
 * each run that the API reported exactly the expected {@code WintunException} (or handled the fault as the
 * contract says), that the simulator holds no adapter, handle, session or event more than before, that no
 * thread is left inside the library, and that the next adapter on the same driver works. The call sites and
 * outcomes are the table of {@code docs/fault-injection.md}, which this test keeps current.
 */
public abstract class WindowsFaultInjectionTest {

    private static final String NAME = "faults" + ProcessHandle.current().pid() % 10000;

    /** @return the backend under test */
    protected abstract CrossPlatformBackend backend();

    @AfterEach
    void disarm() {
        SimFaults.WintunSimResetCalls();
    }

    @Test
    void everyFailureOfEveryCallIsReportedOrHandledAndLeavesNothingBehind() throws Exception {
        SimFaults.bind();
        long[] baseline = SimFaults.liveObjects();
        List<Map<String, Integer>> reference = referenceRun();
        Map<String, Outcome> table = new LinkedHashMap<>();
        int runs = 0;
        for (int step = 0; step < WindowsScenario.STEPS.size(); step++) {
            for (Map.Entry<String, Integer> called : reference.get(step).entrySet()) {
                String function = called.getKey();
                if (SimFaults.WintunSimCanFail(function) != 1) {
                    continue;
                }
                for (int error : WindowsFaultPlan.ERRORS.get(function)) {
                    boolean reached = false;
                    for (int nth = 1; nth <= called.getValue(); nth++) {
                        if (run(step, function, nth, error, baseline)) {
                            reached = true;
                            runs++;
                        }
                    }
                    assertThat(reached).as("%s failed in step %s", function, stepName(step)).isTrue();
                    table.put("| " + stepName(step) + " | `" + function + "` | " + codeName(error) + " | ",
                            WindowsFaultPlan.expected(stepName(step), function, error));
                }
            }
        }
        System.out.println(backend().getClass().getSimpleName() + ": " + runs + " runs with one injected failure");
        DocSection.verify(DocSection.projectRoot().resolve("docs/fault-injection.md"), "windows",
                render(table, reference));
    }

    private static String stepName(int step) {
        return WindowsScenario.STEPS.get(step).name();
    }

    private static String codeName(int code) {
        return (code == WindowsFaultPlan.ERROR_INVALID_HANDLE ? "ERROR_INVALID_HANDLE" : WintunErrors.nameOf(code))
                + " (" + code + ')';
    }

    /** @return per step, the calls of each simulated function, from a run without faults */
    private List<Map<String, Integer>> referenceRun() throws Exception {
        List<Map<String, Integer>> calls = new ArrayList<>();
        WintunDriver driver = backend().openDriver(Simulator.dll());
        try {
            WindowsScenario scenario = new WindowsScenario(driver, NAME);
            for (WindowsScenario.Step step : WindowsScenario.STEPS) {
                SimFaults.WintunSimResetCalls();
                step.action().run(scenario);
                Map<String, Integer> counted = new TreeMap<>();
                for (String function : WindowsFaultPlan.FUNCTIONS) {
                    int count = SimFaults.WintunSimCallCount(function);
                    assertThat(count).as("the simulator counts %s", function).isNotNegative();
                    if (count > 0) {
                        counted.put(function, count);
                    }
                }
                calls.add(counted);
            }
        } finally {
            driver.close();
        }
        return calls;
    }

    /**
     * One run of the scenario with the {@code nth} call of {@code function} in step {@code failing} failed.
     *
     * @return whether the fault fired (a call that a step makes a varying number of times, such as a receive
     *         that spins, may not come to the {@code nth} time); the checks ran only then
     */
    private boolean run(int failing, String function, int nth, int error, long[] baseline) {
        String what = function + " call " + nth + " of step \"" + stepName(failing) + "\" failing with " + codeName(error);
        WintunDriver driver = backend().openDriver(Simulator.dll());
        boolean fired = false;
        Throwable thrown = null;
        try {
            WindowsScenario scenario = new WindowsScenario(driver, NAME);
            for (int step = 0; step < WindowsScenario.STEPS.size() && thrown == null; step++) {
                if (step == failing) {
                    SimFaults.failCalls(function, nth, WindowsFaultPlan.lasts(error) ? SimFaults.EVERY_LATER_CALL : 1,
                            error);
                }
                try {
                    WindowsScenario.STEPS.get(step).action().run(scenario);
                } catch (Throwable t) {
                    thrown = t;
                }
                if (step == failing) {
                    fired = SimFaults.WintunSimFaultFired() == 1;
                    SimFaults.WintunSimResetCalls();
                    if (!fired) {
                        break;
                    }
                }
                if (step < failing && thrown != null) {
                    throw new AssertionError("step \"" + stepName(step) + "\" failed before the fault of " + what, thrown);
                }
            }
            if (fired) {
                assertOutcome(what, WindowsFaultPlan.expected(stepName(failing), function, error), thrown);
                nextCreateWorks(driver, what);
            }
        } finally {
            SimFaults.WintunSimResetCalls();
            driver.close();
        }
        if (fired) {
            if (function.equals("CloseHandle")) {
                baseline[SimFaults.EVENTS]++; // the simulator keeps an event whose close "failed": no binding can free it
            }
            assertThat(SimFaults.liveObjects()).as("handles, sessions, events, adapters after " + what)
                    .containsExactly(baseline);
            assertNoThreadInTheLibrary(what);
        }
        return fired;
    }

    private static void assertOutcome(String what, Outcome expected, Throwable thrown) {
        if (expected.isHandled()) {
            if (thrown != null) {
                throw new AssertionError("the API should have handled " + what + " (" + expected.how() + ")", thrown);
            }
            return;
        }
        if (!(thrown instanceof WintunException)) {
            throw new AssertionError("expected " + expected + " after " + what + ", got " + thrown, thrown);
        }
        WintunException exception = (WintunException) thrown;
        assertThat(exception.operation()).as("operation after " + what).isEqualTo(expected.operation());
        assertThat(exception.errorCode()).as("code after " + what).isEqualTo(expected.code());
        assertThat(exception.getMessage()).as("message after " + what).startsWith(expected.operation() + " failed: "
                + WintunErrors.nameOf(expected.code()) + " (" + expected.code() + ")");
    }

    private static void nextCreateWorks(WintunDriver driver, String what) {
        try (Adapter adapter = driver.createAdapter(NAME, "Test", null)) {
            adapter.startSession(WintunConstants.MIN_RING_CAPACITY).close();
        } catch (RuntimeException e) {
            throw new AssertionError("the next adapter after " + what + " failed", e);
        }
    }

    /** The Windows support starts no thread: after a run, no thread but this one may be inside it. */
    private static void assertNoThreadInTheLibrary(String what) {
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread != Thread.currentThread() && Arrays.stream(stack)
                    .anyMatch(frame -> frame.getClassName().startsWith("io.github.wintun4j.windows."))) {
                fail("thread " + thread.getName() + " is still inside the library after " + what);
            }
        });
    }

    private static String render(Map<String, Outcome> table, List<Map<String, Integer>> reference) {
        StringBuilder text = new StringBuilder();
        text.append("| step | function | injected error | outcome |\n|---|---|---|---|\n");
        table.forEach((row, outcome) -> text.append(row).append(outcome).append(" |\n"));
        Map<String, List<String>> cannotFail = new TreeMap<>();
        for (int step = 0; step < reference.size(); step++) {
            for (String function : reference.get(step).keySet()) {
                if (SimFaults.WintunSimCanFail(function) == 0) {
                    cannotFail.computeIfAbsent(function, f -> new ArrayList<>()).add(stepName(step));
                }
            }
        }
        text.append("\nCannot fail (VOID in their headers, or a getter of what the session made), so nothing is"
                + " injected:\n\n");
        cannotFail.forEach((function, steps) -> text.append("- `").append(function).append("`: ")
                .append(String.join(", ", steps.stream().distinct().toList())).append('\n'));
        text.append("\nBound but never called by the scenario:\n\n");
        for (String function : WindowsFaultPlan.FUNCTIONS) {
            if (reference.stream().noneMatch(calls -> calls.containsKey(function))) {
                text.append("- `").append(function).append("`: ").append(WindowsFaultPlan.NEVER_CALLED.get(function))
                        .append('\n');
            }
        }
        return text.toString();
    }
}
