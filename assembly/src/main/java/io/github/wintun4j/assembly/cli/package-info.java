/**
 * The {@code wintun4j} command line (picocli): {@code demo} and {@code backends}. The entry
 * point is {@link io.github.wintun4j.assembly.cli.Main}. Not an API: part of the distribution.
 */
package io.github.wintun4j.assembly.cli;
