// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows;

import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checks made on a library file before it is loaded, so that loading fails with a clear reason
 * rather than an obscure one (or not at all): it exists and is a regular file; it is a shared library
 * of this platform and architecture, read from its header (a PE image's {@code Machine} on Windows, an
 * ELF object's {@code e_machine} elsewhere); and, when pinned, its SHA-256 is the expected one.
 * Stateless; thread-safe.
 */
final class DllFile {

    static final String OPERATION = "WintunDll.load";

    // winnt.h: IMAGE_FILE_MACHINE_*
    static final int PE_AMD64 = 0x8664;
    static final int PE_ARM64 = 0xAA64;
    static final int PE_I386 = 0x14C;
    static final int PE_ARMNT = 0x1C4;
    // elf.h: EM_*
    static final int ELF_X86_64 = 62;
    static final int ELF_AARCH64 = 183;
    static final int ELF_386 = 3;

    private static final int HEADER_BYTES = 4096;

    private DllFile() {
    }

    /**
     * @param path       the absolute path
     * @param sha256     the expected SHA-256 in lower-case hex, or {@code null}
     * @param windows    whether to expect a PE image (Windows) or an ELF object
     * @param arch       the JVM's architecture ({@link WindowsPlatform#architecture()})
     * @throws WintunException with the reason the file must not be loaded
     */
    static void verify(Path path, String sha256, boolean windows, String arch) {
        if (!Files.exists(path)) {
            throw new WintunException(OPERATION, WintunErrors.ERROR_FILE_NOT_FOUND, "there is no file " + path
                    + (windows ? " (get wintun.dll from https://www.wintun.net/, the folder of your architecture)" : ""));
        }
        if (!Files.isRegularFile(path)) {
            throw new WintunException(OPERATION, WintunErrors.ERROR_FILE_NOT_FOUND, path + " is not a regular file");
        }
        byte[] header;
        try (InputStream in = Files.newInputStream(path)) {
            header = in.readNBytes(HEADER_BYTES);
        } catch (IOException e) {
            throw new WintunException(OPERATION, WintunErrors.ERROR_ACCESS_DENIED, "cannot read " + path + ": " + e, e);
        }
        String problem = windows ? peProblem(header, arch) : elfProblem(header, arch);
        if (problem != null) {
            throw new WintunException(OPERATION, WintunErrors.ERROR_BAD_EXE_FORMAT, path + " " + problem);
        }
        if (sha256 != null) {
            String actual = sha256Of(path);
            if (!MessageDigest.isEqual(actual.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    sha256.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                throw new WintunException(OPERATION, WintunErrors.ERROR_INVALID_IMAGE_HASH, "the SHA-256 of " + path
                        + " is " + actual + ", not the pinned " + sha256 + ": refusing to load it");
            }
        }
    }

    /** @return why the header is not a DLL for {@code arch}, or {@code null} when it is */
    static String peProblem(byte[] header, String arch) {
        ByteBuffer bytes = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        if (header.length < 0x40 || bytes.getShort(0) != 0x5A4D) { // "MZ"
            return "is not a Windows DLL (no MZ header)" + describeOther(header);
        }
        int pe = bytes.getInt(0x3C);
        if (pe < 0 || pe + 24 > header.length || bytes.getInt(pe) != 0x00004550) { // "PE\0\0"
            return "is not a Windows DLL (no PE header)";
        }
        int machine = bytes.getShort(pe + 4) & 0xFFFF;
        int characteristics = bytes.getShort(pe + 22) & 0xFFFF;
        int expected = "aarch64".equals(arch) ? PE_ARM64 : "x86_64".equals(arch) ? PE_AMD64 : -1;
        if (machine != expected) {
            return "is a DLL for " + peMachine(machine) + ", but this JVM runs on " + arch
                    + ": use the wintun.dll of the " + ("aarch64".equals(arch) ? "arm64" : "amd64") + " folder";
        }
        if ((characteristics & 0x2000) == 0) { // IMAGE_FILE_DLL
            return "is a Windows program, not a DLL";
        }
        return null;
    }

    /** @return why the header is not a shared object for {@code arch}, or {@code null} when it is */
    static String elfProblem(byte[] header, String arch) {
        if (header.length < 20 || header[0] != 0x7F || header[1] != 'E' || header[2] != 'L' || header[3] != 'F') {
            return "is not an ELF shared object" + describeOther(header);
        }
        ByteBuffer bytes = ByteBuffer.wrap(header).order(header[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int type = bytes.getShort(16) & 0xFFFF;
        int machine = bytes.getShort(18) & 0xFFFF;
        int expected = "aarch64".equals(arch) ? ELF_AARCH64 : "x86_64".equals(arch) ? ELF_X86_64 : -1;
        if (header[4] != 2 || machine != expected) {
            return "is a shared object for " + elfMachine(machine) + (header[4] == 2 ? "" : " (32-bit)")
                    + ", but this JVM runs on " + arch;
        }
        if (type != 3) { // ET_DYN
            return "is not a shared object (ELF type " + type + ")";
        }
        return null;
    }

    private static String describeOther(byte[] header) {
        if (header.length >= 2 && header[0] == 'M' && header[1] == 'Z') {
            return ": it is a Windows DLL, which only Windows loads; elsewhere name a stand-in built for this system";
        }
        if (header.length >= 4 && header[0] == 0x7F && header[1] == 'E' && header[2] == 'L' && header[3] == 'F') {
            return ": it is an ELF (Linux) shared object";
        }
        return "";
    }

    static String peMachine(int machine) {
        switch (machine) {
            case PE_AMD64: return "x86_64 (amd64)";
            case PE_ARM64: return "aarch64 (arm64)";
            case PE_I386: return "32-bit x86";
            case PE_ARMNT: return "32-bit ARM";
            default: return "machine 0x" + Integer.toHexString(machine);
        }
    }

    static String elfMachine(int machine) {
        switch (machine) {
            case ELF_X86_64: return "x86_64";
            case ELF_AARCH64: return "aarch64";
            case ELF_386: return "32-bit x86";
            default: return "machine " + machine;
        }
    }

    /** @return the SHA-256 of the file's bytes, lower-case hex */
    static String sha256Of(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] chunk = new byte[65536];
            int read;
            while ((read = in.read(chunk)) > 0) {
                digest.update(chunk, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new WintunException(OPERATION, WintunErrors.ERROR_ACCESS_DENIED, "cannot read " + path + ": " + e, e);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }
}
