// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal;

import java.util.List;

/**
 * Implemented by a backend that can say, before any device exists, which segmentation offloads a
 * session started with the default options would get from the system here. The frozen SPI and
 * {@code BackendInfo} have no place for it, so the project's own backends answer here and
 * {@link BackendOffer} publishes the answer as the {@link BackendOffer#OFFLOADS} property of their
 * {@code WintunBackend} service, where {@code wintun4j backends} reads it. A backend that does not
 * implement it has none (Wintun on Windows, the mock).
 *
 * <p>Thread-safe; never throws; does no native work beyond what {@code availability()} does.
 */
public interface OffloadReport {

    /**
     * @return the short names of the offloads, in the order {@code checksum}, {@code TSO},
     *         {@code USO}; empty when a session would run without
     */
    List<String> sessionOffloads();
}
