// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.WintunLogLevel;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a write found that the application must hear of (a gone device, refused packets), kept until
 * the writing thread has given the {@link TurnToken} back: the report reaches the application's
 * logger, and a logger that closes the session would otherwise wait for its own thread.
 *
 * <p>Threading: {@link #firstWarning}, {@link #warn} and {@link #takeWarning} by the token holder; the rest on any thread.
 */
final class SendReports {

    private final LinuxAdapter adapter;
    private final SendPath.Faults faults;
    /** Why the device is gone; set once and kept, so that no later write tries again. */
    private volatile String deviceGoneReason;
    private final AtomicBoolean goneReported = new AtomicBoolean();
    /** A warning to log once the token is given back; guarded by the token. */
    private String pendingWarning;
    private boolean warned;

    SendReports(LinuxAdapter adapter, SendPath.Faults faults) {
        this.adapter = adapter;
        this.faults = faults;
    }

    /**
     * A write found the device gone: nothing more is written, and the session's rings end now (so
     * that the application's next call fails whatever thread made the write); the report follows.
     */
    void deviceGone(String why) {
        if (deviceGoneReason == null) {
            deviceGoneReason = why;
        }
        faults.endRings();
    }

    /** @return whether a write found the device gone */
    boolean isDeviceGone() {
        return deviceGoneReason != null;
    }

    /** @return {@code true} the first time only: whether the caller is to {@link #warn} (so that it builds no message after) */
    boolean firstWarning() {
        boolean first = !warned;
        warned = true;
        return first;
    }

    /** Keeps {@code warning} for the report. */
    void warn(String warning) {
        pendingWarning = warning;
    }

    /** @return the warning kept since the last call, or {@code null}; by the token holder, before giving it back */
    String takeWarning() {
        String warning = pendingWarning;
        pendingWarning = null;
        return warning;
    }

    /** Reports what the last holder found, once the token is free; the gone device once in all. */
    void report(String warning) {
        if (warning != null) {
            adapter.log(WintunLogLevel.WARN, warning);
        }
        String gone = deviceGoneReason;
        if (gone != null && goneReported.compareAndSet(false, true)) {
            faults.deviceGone(gone);
        }
    }
}
