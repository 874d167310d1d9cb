// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.testkit;

/** The ELF machine of an architecture other than the JVM's, for the wrong-architecture cases. */
final class ArchitectureTest {

    private ArchitectureTest() {
    }

    /** @return {@code EM_AARCH64} on x86_64, {@code EM_X86_64} elsewhere (elf.h) */
    static int otherElfMachine() {
        String arch = System.getProperty("os.arch", "");
        return arch.equals("amd64") || arch.equals("x86_64") ? 183 : 62;
    }
}
