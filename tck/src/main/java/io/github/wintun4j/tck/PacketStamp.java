// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.tck;

/**
 * The identity a {@link TestPackets} packet carries in its payload: who sent it and its place in
 * that sender's sequence. Immutable.
 *
 * @param sender the sender (a thread, a network source), 0..255
 * @param seq    the sequence number within that sender
 */
public record PacketStamp(int sender, long seq) {
}
