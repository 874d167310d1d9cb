// SPDX-License-Identifier: Apache-2.0
/**
 * Packet capture: {@link io.github.wintun4j.capture.PacketCapture} writes the packets of one or
 * more sessions to a pcapng file (raw IP, one interface per adapter, the direction of every
 * packet), bounded by {@link io.github.wintun4j.capture.CaptureOptions}.
 *
 * <p>A capture holds the application's traffic, payloads included (up to the snap length): treat
 * the file as the traffic itself. Files are created readable by their owner only.
 */
@Export
@Version("1.0.0")
package io.github.wintun4j.capture;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
