// SPDX-License-Identifier: Apache-2.0
/**
 * The Wintun model over {@code wintun.dll}, written once for the FFM and JNA backends: the driver,
 * adapter and session over the DLL's own rings, safe loading of the DLL ({@link
 * io.github.wintun4j.windows.WintunDll}: explicit path, application directory or System32 only,
 * optional SHA-256 pin), and the mapping of Windows errors to the API's exception.
 */
@Export
@Version("1.0.0")
package io.github.wintun4j.windows;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
