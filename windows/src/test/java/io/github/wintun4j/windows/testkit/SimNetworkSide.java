// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.testkit;

import io.github.wintun4j.tck.NetworkSide;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The network side of one simulated adapter, through the simulator's hooks. Thread-safe. */
public final class SimNetworkSide implements NetworkSide {

    private static final int MAX_PACKET = 0xFFFF;

    private final long luid;
    private final ThreadLocal<ByteBuffer> takeBuffer = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(MAX_PACKET));

    /** @param luid the adapter's LUID */
    public SimNetworkSide(long luid) {
        SimHooks.bind();
        this.luid = luid;
    }

    @Override
    public boolean deliver(List<byte[]> batch) {
        int total = 0;
        for (byte[] packet : batch) {
            total += packet.length;
        }
        ByteBuffer packets = ByteBuffer.allocateDirect(Math.max(1, total));
        ByteBuffer sizes = ByteBuffer.allocateDirect(4 * Math.max(1, batch.size())).order(ByteOrder.nativeOrder());
        for (byte[] packet : batch) {
            packets.put(packet);
            sizes.putInt(packet.length);
        }
        return SimHooks.WintunSimDeliver(luid, packets.clear(), sizes.clear(), batch.size()) != 0;
    }

    @Override
    public byte[] takeSent(long timeout, TimeUnit unit) {
        long millis = Math.min(Integer.MAX_VALUE, Math.max(0, unit.toMillis(timeout)));
        ByteBuffer buffer = takeBuffer.get();
        int size = SimHooks.WintunSimTakeSent(luid, buffer, MAX_PACKET, (int) millis);
        if (size == 0) {
            return null;
        }
        byte[] bytes = new byte[size];
        buffer.get(0, bytes);
        return bytes;
    }

    @Override
    public long droppedNonIp() {
        return SimHooks.WintunSimDroppedNonIp(luid);
    }

    @Override
    public long droppedInboundBatches() {
        return SimHooks.WintunSimDroppedInboundBatches(luid);
    }

    @Override
    public void removeAdapter() {
        if (SimHooks.WintunSimRemoveAdapter(luid) == 0) {
            throw new IllegalStateException("no adapter with LUID 0x" + Long.toHexString(luid) + " to remove");
        }
    }

    @Override
    public void corruptReceiveRing() {
        if (SimHooks.WintunSimCorruptReceiveRing(luid) == 0) {
            throw new IllegalStateException("adapter 0x" + Long.toHexString(luid) + " has no session to corrupt");
        }
    }
}
