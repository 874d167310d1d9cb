// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.testkit;

import io.github.wintun4j.Wintun;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.spi.BackendAvailability;
import io.github.wintun4j.platform.CrossPlatformBackend;
import io.github.wintun4j.windows.WintunDll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The loading rules of {@link WintunDll} through a backend's Windows binding: an absolute path only, a
 * missing file, a wrong SHA-256 pin, a library of another architecture or format, a missing function,
 * each refused before anything is bound, with a message that names the rule; the right pin, the system
 * properties, and the lookup by backend name work.
 */
public abstract class WindowsLoadingTest {

    /** ERROR_BAD_EXE_FORMAT, ERROR_PROC_NOT_FOUND, ERROR_INVALID_IMAGE_HASH (winerror.h). */
    private static final int BAD_EXE_FORMAT = 193;
    private static final int PROC_NOT_FOUND = 127;
    private static final int INVALID_IMAGE_HASH = 577;

    @TempDir
    Path folder;

    /** @return the backend under test */
    protected abstract CrossPlatformBackend backend();

    @AfterEach
    void clearProperties() {
        System.clearProperty(WintunDll.PATH_PROPERTY);
        System.clearProperty(WintunDll.SHA256_PROPERTY);
    }

    @Test
    void theSimulatorLoadsByItsAbsolutePath() {
        try (WintunDriver driver = backend().openDriver(Simulator.dll())) {
            assertThat(driver.backendName()).isEqualTo(backend().name());
        }
    }

    @Test
    void aRelativePathIsRefusedBeforeAnythingIsRead() {
        assertThatThrownBy(() -> WintunDll.fromPath(Paths.get("wintun.dll"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
        System.setProperty(WintunDll.PATH_PROPERTY, "wintun.dll");
        assertThat(backend().availability().reason()).contains(WintunDll.PATH_PROPERTY).contains("absolute");
    }

    @Test
    void aMissingFileIsFileNotFoundNamingThePath() {
        Path missing = folder.resolve("wintun.dll");
        WintunException error = loadFails(WintunDll.fromPath(missing, null));
        assertThat(error.errorCode()).isEqualTo(WintunErrors.ERROR_FILE_NOT_FOUND);
        assertThat(error.getMessage()).contains(missing.toString());
    }

    @Test
    void aWrongPinIsRefusedWithBothHashes() throws IOException {
        String actual = sha256(Simulator.path());
        String wrong = actual.replace(actual.charAt(0), actual.charAt(0) == 'a' ? 'b' : 'a');
        WintunException error = loadFails(WintunDll.fromPath(Simulator.path(), wrong));
        assertThat(error.errorCode()).isEqualTo(INVALID_IMAGE_HASH);
        assertThat(error.getMessage()).contains(actual).contains(wrong).contains("refusing");
    }

    @Test
    void theRightPinInAnyCaseLoads() throws IOException {
        String pin = sha256(Simulator.path()).toUpperCase(java.util.Locale.ROOT);
        try (WintunDriver driver = backend().openDriver(WintunDll.fromPath(Simulator.path(), pin))) {
            assertThat(driver.backendName()).isEqualTo(backend().name());
        }
        assertThatThrownBy(() -> WintunDll.fromPath(Simulator.path(), "abc"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64 hex digits");
    }

    @Test
    void aMissingFunctionIsNamed() {
        WintunException error = loadFails(WintunDll.fromPath(Simulator.path(Simulator.WITHOUT_SEND_PACKET), null));
        assertThat(error.errorCode()).isEqualTo(PROC_NOT_FOUND);
        assertThat(error.getMessage()).contains("WintunSendPacket").contains("0.14");
    }

    @Test
    void aWindowsDllIsRefusedOutsideWindowsAndALibraryOfAnotherArchitectureByName() throws IOException {
        Path pe = folder.resolve("wintun.dll");
        Files.write(pe, PeImages.dll(0x8664));
        WintunException error = loadFails(WintunDll.fromPath(pe, null));
        assertThat(error.errorCode()).isEqualTo(BAD_EXE_FORMAT);
        assertThat(error.getMessage()).contains("Windows DLL");

        Path arm = folder.resolve("libother.so");
        byte[] elf = Files.readAllBytes(Simulator.path());
        elf[18] = (byte) (ArchitectureTest.otherElfMachine() & 0xFF);
        elf[19] = (byte) (ArchitectureTest.otherElfMachine() >>> 8);
        Files.write(arm, elf);
        error = loadFails(WintunDll.fromPath(arm, null));
        assertThat(error.errorCode()).isEqualTo(BAD_EXE_FORMAT);
        assertThat(error.getMessage()).contains("but this JVM runs on");
    }

    @Test
    void theSystemPropertiesChooseTheDllForTheBackendAndWintunOpen() throws IOException {
        System.setProperty(WintunDll.PATH_PROPERTY, Simulator.path().toString());
        BackendAvailability availability = backend().availability();
        assertThat(availability.usable()).as(availability.reason()).isTrue();
        try (WintunDriver driver = Wintun.open(backend().name())) {
            assertThat(driver.createAdapter("loadtest" + ProcessHandle.current().pid() % 1000, "Test", null).isOpen()).isTrue();
        }
        System.setProperty(WintunDll.SHA256_PROPERTY, sha256(Simulator.path()).replace('0', '1').replace('2', '3'));
        assertThat(backend().availability().reason()).contains("pinned");
    }

    @Test
    void aHostOpensItsOwnCopyByBackendName() throws IOException {
        Path copy = folder.resolve(Simulator.LIBRARY);
        Files.copy(Simulator.path(), copy);
        String pin = sha256(copy);
        try (WintunDriver driver = WintunDll.fromPath(Simulator.path(), pin).open(backend().name())) {
            assertThat(driver.backendName()).isEqualTo(backend().name());
        }
        try (WintunDriver driver = WintunDll.fromPath(Simulator.path(), null).open()) {
            assertThat(driver.backendName()).isIn("ffm", "jna");
        }
        assertThatThrownBy(() -> Simulator.dll().open("nope")).isInstanceOf(WintunException.class)
                .hasMessageContaining("nope");
    }

    private WintunException loadFails(WintunDll dll) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> backend().openDriver(dll).close());
        assertThat(thrown).as("loading %s", dll).isInstanceOf(WintunException.class);
        return (WintunException) thrown;
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
