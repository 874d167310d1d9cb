// SPDX-License-Identifier: Apache-2.0
/**
 * Implementation shared by the wintun4j modules and by nobody else: argument checks, the claimed
 * receiver and sender, the forwarding driver, native-access probing, the OSGi service offer of a
 * backend and the choice among driver services (free of OSGi types). No API: it changes without
 * notice, and bnd baselining leaves it out.
 *
 * <p>Exported to the project's own modules only: a qualified export in {@code module-info}, and in
 * OSGi an export with the mandatory attribute {@code wintun4j=internal} (see the api pom), which
 * only the project's bundles put in their {@code Import-Package}. The version is for those imports.
 */
@Version("1.0.0")
package io.github.wintun4j.internal;

import org.osgi.annotation.versioning.Version;
