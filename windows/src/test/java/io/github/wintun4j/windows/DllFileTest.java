// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows;

import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.windows.testkit.PeImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checks made before a library is loaded, on Windows (PE) and elsewhere (ELF), with images made here. */
class DllFileTest {

    @TempDir
    Path folder;

    @Test
    void aPeDllOfTheJvmsArchitecturePassesAndOthersAreNamed() {
        assertThat(DllFile.peProblem(PeImages.dll(DllFile.PE_AMD64), "x86_64")).isNull();
        assertThat(DllFile.peProblem(PeImages.dll(DllFile.PE_ARM64), "aarch64")).isNull();
        assertThat(DllFile.peProblem(PeImages.dll(DllFile.PE_ARM64), "x86_64"))
                .contains("aarch64 (arm64)").contains("amd64 folder");
        assertThat(DllFile.peProblem(PeImages.dll(DllFile.PE_I386), "x86_64")).contains("32-bit x86");
        assertThat(DllFile.peProblem(PeImages.dll(DllFile.PE_AMD64), "aarch64")).contains("x86_64 (amd64)")
                .contains("arm64 folder");
        assertThat(DllFile.peProblem(PeImages.program(DllFile.PE_AMD64), "x86_64")).contains("not a DLL");
        assertThat(DllFile.peProblem(new byte[10], "x86_64")).contains("no MZ header");
        byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 62, 0};
        assertThat(DllFile.peProblem(elf, "x86_64")).contains("ELF");
    }

    @Test
    void anElfSharedObjectOfTheJvmsArchitecturePassesAndOthersAreNamed() {
        byte[] x64 = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 62, 0};
        assertThat(DllFile.elfProblem(x64, "x86_64")).isNull();
        assertThat(DllFile.elfProblem(x64, "aarch64")).contains("for x86_64").contains("runs on aarch64");
        byte[] executable = x64.clone();
        executable[16] = 2;
        assertThat(DllFile.elfProblem(executable, "x86_64")).contains("not a shared object");
        byte[] thirtyTwo = x64.clone();
        thirtyTwo[4] = 1;
        thirtyTwo[18] = 3;
        assertThat(DllFile.elfProblem(thirtyTwo, "x86_64")).contains("32-bit");
        assertThat(DllFile.elfProblem(PeImages.dll(DllFile.PE_AMD64), "x86_64")).contains("Windows DLL");
    }

    @Test
    void missingFilesFoldersAndWrongPinsAreRefused() throws IOException {
        Path missing = folder.resolve("wintun.dll");
        assertThatThrownBy(() -> DllFile.verify(missing, null, true, "x86_64")).isInstanceOf(WintunException.class)
                .hasMessageContaining("wintun.net").extracting(e -> ((WintunException) e).errorCode())
                .isEqualTo(WintunErrors.ERROR_FILE_NOT_FOUND);
        assertThatThrownBy(() -> DllFile.verify(folder, null, true, "x86_64")).hasMessageContaining("not a regular file");
        Path dll = folder.resolve("good.dll");
        Files.write(dll, PeImages.dll(DllFile.PE_AMD64));
        DllFile.verify(dll, null, true, "x86_64");
        String hash = DllFile.sha256Of(dll);
        DllFile.verify(dll, hash, true, "x86_64");
        String other = "0".repeat(64);
        assertThatThrownBy(() -> DllFile.verify(dll, other, true, "x86_64"))
                .hasMessageContaining(hash).hasMessageContaining(other)
                .extracting(e -> ((WintunException) e).errorCode()).isEqualTo(WintunErrors.ERROR_INVALID_IMAGE_HASH);
    }

    @Test
    void aRealDllBuiltByMingwIsRecognised() throws Exception {
        Path source = folder.resolve("probe.c");
        Files.writeString(source, "__declspec(dllexport) int WintunProbe(void) { return 14; }\n");
        Path dll = folder.resolve("probe.dll");
        Process process;
        try {
            process = new ProcessBuilder(Compilers.MINGW, "-shared", "-o", dll.toString(), source.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            io.github.wintun4j.windows.testkit.Requirements.missing(Compilers.MINGW + " is not installed");
            return;
        }
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
        byte[] header = Files.readAllBytes(dll);
        assertThat(DllFile.peProblem(header, "x86_64")).isNull();
        assertThat(DllFile.peProblem(header, "aarch64")).contains("x86_64 (amd64)");
        assertThatThrownBy(() -> DllFile.verify(dll, null, false, "x86_64")).hasMessageContaining("Windows DLL");
    }
}
