// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunConstants;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.demo.DemoStatus;

import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceObjects;

/** A backend bundle stopped while in use: its sessions close, and consumers see a clean end. */
public class BackendStoppedIT extends OsgiTestSupport {

    @Test
    public void aReceiveBlockedInTheStoppedBackendEndsWithEndOfFile() throws Exception {
        ServiceObjects<WintunDriver> objects = context.getServiceObjects(driverReference("mock"));
        WintunDriver driver = objects.getService();
        Adapter adapter = driver.createAdapter("InUse", "Example", null);
        Session session = adapter.startSession(WintunConstants.MIN_RING_CAPACITY);
        FutureTask<Object> blocked = new FutureTask<>(() -> {
            try {
                return session.receivePacket(30, TimeUnit.SECONDS);
            } catch (WintunException | InterruptedException e) {
                return e;
            }
        });
        Thread receiver = new Thread(blocked, "receiver");
        receiver.start();
        eventually("the receive waits (past its spin)", () -> receiver.getState() == Thread.State.TIMED_WAITING);
        assertFalse(blocked.isDone());

        installed("io.github.wintun4j.mock").stop();

        Object result = blocked.get(2, TimeUnit.SECONDS);
        assertTrue("a WintunException, not " + result, result instanceof WintunException);
        assertTrue(((WintunException) result).isEndOfFile());
        assertFalse(session.isOpen());
        assertFalse(adapter.isOpen());
    }

    @Test
    public void theDemoStopsCleanlyWhenItsBackendStopsAndResumesWhenItReturns() throws Exception {
        configureDemo(DemoStatus.BACKEND, "mock");
        DemoStatus status = service(DemoStatus.class);
        eventually("the demo runs on the mock", () -> "mock".equals(status.runningBackend()) && status.echoReplies() >= 1);
        Bundle mock = installed("io.github.wintun4j.mock");

        mock.stop();

        assertEquals("", status.runningBackend());
        assertFalse("the backend going away is no failure of the demo", status.outcome().toCompletableFuture().isDone());

        mock.start();
        eventually("the demo runs on the mock again", () -> "mock".equals(status.runningBackend()) && status.echoReplies() >= 1);
    }
}
