// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.hosts;

import io.github.wintun4j.BackendInfo;
import io.github.wintun4j.Wintun;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunException;

/**
 * A host in a child JVM, compiled for Java 17: prints what {@link Wintun} finds and opens, one fact a
 * line, for {@link OlderJavaHostIT}. Opens drivers only: creates no device.
 */
public final class ListBackends {

    private ListBackends() {
    }

    /** @param args none */
    public static void main(String[] args) {
        System.out.println("java " + Runtime.version().feature());
        for (BackendInfo info : Wintun.backends()) {
            System.out.println("backend " + info.name() + (info.usable() ? " usable" : " unusable: " + info.reason()));
        }
        try (WintunDriver driver = Wintun.open()) {
            System.out.println("open() -> " + driver.backendName());
        }
        try (WintunDriver driver = Wintun.open("ffm")) {
            System.out.println("open(ffm) -> " + driver.backendName());
        } catch (WintunException e) {
            System.out.println("open(ffm) -> WintunException: " + e.getMessage());
        }
    }
}
