// SPDX-License-Identifier: Apache-2.0
/**
 * The contract test kit. {@link io.github.wintun4j.tck.WintunContractTest} holds the state of a
 * test and the factory methods a backend supplies; each {@code *Contract} interface holds the
 * tests of one concept as default methods, and every contract extends
 * {@link io.github.wintun4j.tck.WintunFixture}, the view of that state the tests use.
 *
 * <p>The rules checked are those of the API Javadoc and of the Wintun reference (error codes,
 * ring rules, what the driver does with packets, adapter lifecycle).
 */
@Export
@Version("1.0.0")
package io.github.wintun4j.tck;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
