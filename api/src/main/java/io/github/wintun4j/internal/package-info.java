/**
 * Implementation shared by the wintun4j modules and by nobody else: argument checks, claims,
 * forwarding drivers, the OSGi service offer of a backend. Not an API: it changes without notice.
 */
@Export
@Version("1.0.0")
package io.github.wintun4j.internal;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
