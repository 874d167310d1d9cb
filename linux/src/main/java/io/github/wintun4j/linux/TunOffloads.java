// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

import io.github.wintun4j.DriverVersion;

import java.util.List;

/**
 * The segmentation offloads a session's descriptor took from the kernel ({@code TUNSETOFFLOAD}).
 * Immutable.
 *
 * @param active whether the descriptor was opened with {@code IFF_VNET_HDR} and took checksum and
 *               TCP segmentation offload ({@code TUN_F_CSUM | TUN_F_TSO4 | TUN_F_TSO6}): every
 *               read and write then starts with a {@code virtio_net_hdr}
 * @param udp    whether it also took UDP segmentation offload ({@code TUN_F_USO4 | TUN_F_USO6},
 *               Linux 6.2 and later); only when active
 */
record TunOffloads(boolean active, boolean udp) {

    /** No offloads: plain packets. */
    static final TunOffloads NONE = new TunOffloads(false, false);

    TunOffloads {
        if (udp && !active) {
            throw new IllegalArgumentException("UDP offload needs the virtio header");
        }
    }

    /** The first kernel that takes {@code TUN_F_USO4 | TUN_F_USO6} (Source: Linux 6.2, if_tun.h). */
    private static final DriverVersion FIRST_USO_KERNEL = new DriverVersion(6, 2);

    /**
     * What {@link TunControl#enableOffloads(Fd)} gets from a kernel of this version, told without a
     * device: checksum and TCP segmentation offload from every kernel this backend runs on
     * ({@code TUNSETOFFLOAD} is in 2.6.27), UDP segmentation offload from 6.2.
     *
     * @param kernel the running kernel ({@link KernelVersion#running()}); 0.0 when unknown
     * @return the offloads a session with default options takes
     */
    static TunOffloads expectedOn(DriverVersion kernel) {
        boolean uso = kernel.major() > FIRST_USO_KERNEL.major()
                || kernel.major() == FIRST_USO_KERNEL.major() && kernel.minor() >= FIRST_USO_KERNEL.minor();
        return new TunOffloads(true, uso);
    }

    /** @return the short names of the offloads taken, as {@code wintun4j backends} lists them; empty when none */
    List<String> names() {
        return !active ? List.of() : udp ? List.of("checksum", "TSO", "USO") : List.of("checksum", "TSO");
    }

    /** @return how the adapter's description and logs say it */
    String describe() {
        return !active ? "offloads off" : "offloads on (" + String.join(", ", names()) + ")";
    }
}
