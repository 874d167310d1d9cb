/**
 * The backend SPI: a backend implements {@link io.github.wintun4j.spi.WintunBackend} and provides
 * it through {@code ServiceLoader} ({@code module-info} {@code provides}, and
 * {@code META-INF/services}); {@link io.github.wintun4j.spi.BackendRegistry} holds the selection
 * rules of {@link io.github.wintun4j.Wintun}, also for a given set of backends such as the services
 * of an OSGi framework. {@link io.github.wintun4j.spi.Arguments} checks arguments the way every
 * backend must.
 */
@Export
@Version("1.1.0")
package io.github.wintun4j.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
