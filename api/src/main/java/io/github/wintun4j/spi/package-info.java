// SPDX-License-Identifier: Apache-2.0
/**
 * The backend SPI: a backend implements {@link io.github.wintun4j.spi.WintunBackend} and provides
 * it through {@code ServiceLoader} ({@code module-info} {@code provides}, and
 * {@code META-INF/services}); {@link io.github.wintun4j.spi.BackendAvailability} is its answer to
 * "can you run here?".
 */
@Export
@Version("1.0.0")
package io.github.wintun4j.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
