// SPDX-License-Identifier: Apache-2.0
/**
 * The launcher of the Felix distribution: finds the bundles (a distribution folder, or inside the
 * runnable jar), starts Apache Felix with them, and runs the command line bundle's service.
 * Everything else happens in bundles. Not an API.
 */
package io.github.wintun4j.assembly.launch;
