// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.linux;

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

    /** @return how the adapter's description and logs say it */
    String describe() {
        return !active ? "offloads off" : udp ? "offloads on (checksum, TSO, USO)" : "offloads on (checksum, TSO)";
    }
}
