// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.testkit;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The headers of Windows images, enough for the loader's checks: MZ, e_lfanew, PE signature, Machine, Characteristics. */
public final class PeImages {

    private PeImages() {
    }

    /** @return the first 1024 bytes of a DLL for that IMAGE_FILE_MACHINE_* */
    public static byte[] dll(int machine) {
        return image(machine, 0x2022); // IMAGE_FILE_EXECUTABLE_IMAGE | LARGE_ADDRESS_AWARE | DLL
    }

    /** @return the first 1024 bytes of a program (not a DLL) for that machine */
    public static byte[] program(int machine) {
        return image(machine, 0x0022);
    }

    private static byte[] image(int machine, int characteristics) {
        ByteBuffer image = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
        image.putShort(0, (short) 0x5A4D);
        image.putInt(0x3C, 0x80);
        image.putInt(0x80, 0x00004550);
        image.putShort(0x84, (short) machine);
        image.putShort(0x80 + 22, (short) characteristics);
        return image.array();
    }
}
