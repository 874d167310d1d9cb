// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.tck;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.Session;
import io.github.wintun4j.WintunErrors;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.UUID;

import static io.github.wintun4j.tck.WintunAssertions.assertWintunError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Creating, opening and closing adapters: names, GUIDs, LUIDs, and the difference between closing
 * a created adapter (it goes) and an opened one (it stays) ({@link Adapter} and
 * {@code WintunDriver} Javadoc; reference section 5).
 */
public interface AdapterLifecycleContract extends WintunFixture {

    @Test
    default void createdAdapterReportsWhatWasRequested() {
        String name = uniqueAdapterName();
        UUID guid = UUID.randomUUID();
        Adapter adapter = newAdapter(name, guid);
        assertThat(adapter.name()).isEqualTo(name);
        assertThat(adapter.tunnelType()).isEqualTo(TUNNEL_TYPE);
        assertThat(adapter.guid()).isEqualTo(guid);
        assertThat(adapter.isOpen()).isTrue();
    }

    @Test
    default void nullGuidPicksADistinctRandomGuid() {
        Adapter first = newAdapter();
        Adapter second = newAdapter();
        assertThat(first.guid()).isNotNull();
        assertThat(second.guid()).isNotNull().isNotEqualTo(first.guid());
    }

    @Test
    default void luidIsNonZeroWellFormedAndDistinctPerAdapter() {
        Adapter first = newAdapter();
        Adapter second = newAdapter();
        for (Adapter adapter : new Adapter[] {first, second}) {
            long luid = adapter.luid();
            assertThat(luid).as("LUID of %s", adapter.name()).isNotZero();
            assertThat(luid & 0xFF_FFFFL).as("NET_LUID Reserved bits (0..23) of 0x%x", luid).isZero();
            assertThat(luid >>> 48).as("NET_LUID IfType of 0x%x", luid).isNotZero();
        }
        assertThat(second.luid()).isNotEqualTo(first.luid());
    }

    @Test
    default void openMatchesTheNameIgnoringCaseAndFindsTheSameAdapter() {
        Adapter created = newAdapter();
        Adapter upper = openAdapter(created.name().toUpperCase(Locale.ROOT));
        Adapter lower = openAdapter(created.name().toLowerCase(Locale.ROOT));
        for (Adapter opened : new Adapter[] {upper, lower}) {
            assertThat(opened.isOpen()).isTrue();
            assertThat(opened.guid()).isEqualTo(created.guid());
            assertThat(opened.luid()).isEqualTo(created.luid());
            assertThat(opened.name()).isEqualToIgnoringCase(created.name());
        }
    }

    @Test
    default void openingAnUnknownNameFailsWithNotFound() {
        assertWintunError(WintunErrors.ERROR_NOT_FOUND, () -> driver().openAdapter(uniqueAdapterName()));
    }

    @Test
    default void closingAnOpenedAdapterLeavesTheAdapterInPlace() {
        Adapter created = newAdapter();
        Adapter opened = openAdapter(created.name());
        opened.close();
        assertThat(opened.isOpen()).isFalse();
        assertThat(created.isOpen()).isTrue();
        assertThat(openAdapter(created.name()).guid()).isEqualTo(created.guid());
        try (Session session = newSession(created)) {
            assertThat(session.isOpen()).isTrue();
        }
    }

    @Test
    default void closingACreatedAdapterRemovesIt() {
        Adapter created = newAdapter();
        String name = created.name();
        created.close();
        assertThat(created.isOpen()).isFalse();
        assertWintunError(WintunErrors.ERROR_NOT_FOUND, () -> driver().openAdapter(name));
    }

    @Test
    default void closeIsIdempotentAndTheAccessorsStillAnswer() {
        Adapter adapter = newAdapter();
        String name = adapter.name();
        UUID guid = adapter.guid();
        long luid = adapter.luid();
        assertThatCode(() -> {
            adapter.close();
            adapter.close();
        }).doesNotThrowAnyException();
        assertThat(adapter.isOpen()).isFalse();
        assertThat(adapter.name()).isEqualTo(name);
        assertThat(adapter.tunnelType()).isEqualTo(TUNNEL_TYPE);
        assertThat(adapter.guid()).isEqualTo(guid);
        assertThat(adapter.luid()).isEqualTo(luid);
    }

    /**
     * The requested GUID is a request: since Wintun 0.13, {@code WintunCreateAdapter} (WireGuard/wintun
     * {@code api/adapter.c}) stores it as the device's {@code SuggestedInstanceId}, and when another adapter
     * has it the new one gets a random GUID (wintun commit 005af4a); the creation succeeds. {@code guid()}
     * is the GUID the adapter has, and once the other adapter is gone the GUID can be had again.
     */
    @Test
    default void aGuidInUseGivesTheNewAdapterAnotherGuidWhichGuidReports() {
        UUID guid = UUID.randomUUID();
        Adapter first = newAdapter(uniqueAdapterName(), guid);
        Adapter second = newAdapter(uniqueAdapterName(), guid);
        assertThat(first.guid()).isEqualTo(guid);
        assertThat(second.guid()).isNotNull().isNotEqualTo(guid);
        assertThat(openAdapter(second.name()).guid()).as("what the adapter has, not what was requested")
                .isEqualTo(second.guid());
        assertThat(openAdapter(first.name()).guid()).isEqualTo(guid);
        first.close();
        assertThat(newAdapter(uniqueAdapterName(), guid).guid()).as("free again").isEqualTo(guid);
    }

    @Test
    default void aNameInUseRenamesTheOtherAdapterOrFailsWithAlreadyExists() {
        String name = uniqueAdapterName();
        Adapter first = newAdapter(name, null);
        if (renamesAdapterOnDuplicateName()) {
            Adapter second = newAdapter(name, null);
            assertThat(second.name()).isEqualTo(name);
            assertThat(first.name()).as("the older adapter is renamed").isEqualTo(name + " 1");
            assertThat(openAdapter(name).guid()).isEqualTo(second.guid());
            assertThat(openAdapter(name + " 1").guid()).isEqualTo(first.guid());
            renamesAfterTheNewSpellingAndOnlyWhenTheNumberedNameFits();
        } else {
            assertWintunError(WintunErrors.ERROR_ALREADY_EXISTS,
                    () -> driver().createAdapter(name, TUNNEL_TYPE, null));
            assertThat(first.name()).isEqualTo(name);
        }
    }

    /**
     * Wintun's {@code NciSetAdapterName} (WireGuard/wintun {@code api/adapter.c}) names the older
     * adapter {@code "<name> <n>"} after the name as this creation spells it, and fails the creation
     * with {@code ERROR_BUFFER_OVERFLOW} when that does not fit 127 units: the older adapter keeps its
     * name and stays openable under it.
     */
    private void renamesAfterTheNewSpellingAndOnlyWhenTheNumberedNameFits() {
        String lower = uniqueAdapterName().toLowerCase(Locale.ROOT);
        Adapter older = newAdapter(lower, null);
        String upper = lower.toUpperCase(Locale.ROOT);
        newAdapter(upper, null);
        assertThat(older.name()).as("numbered after the new spelling").isEqualTo(upper + " 1");

        int limit = adapterNameLimit();
        String fits = (uniqueAdapterName() + "f".repeat(limit)).substring(0, limit - 2);     // "<fits> 1" is 127
        Adapter first = newAdapter(fits, null);
        Adapter second = newAdapter(fits, null);
        assertThat(first.name()).isEqualTo(fits + " 1").hasSize(limit);
        assertThat(second.name()).isEqualTo(fits);

        String tooLong = (uniqueAdapterName() + "t".repeat(limit)).substring(0, limit - 1);  // "<tooLong> 1" is 128
        Adapter kept = newAdapter(tooLong, null);
        assertWintunError(WintunErrors.ERROR_BUFFER_OVERFLOW, () -> driver().createAdapter(tooLong, TUNNEL_TYPE, null));
        assertThat(kept.name()).as("the older adapter keeps its name").isEqualTo(tooLong);
        assertThat(openAdapter(tooLong).guid()).isEqualTo(kept.guid());
    }

    @Test
    default void closingTheAdapterEndsItsSession() {
        Adapter adapter = newAdapter();
        Session session = newSession(adapter);
        adapter.close();
        assertThat(session.isOpen()).isFalse();
        assertWintunError(WintunErrors.ERROR_HANDLE_EOF, session::receivePacket);
        assertWintunError(WintunErrors.ERROR_HANDLE_EOF, () -> session.allocateSendPacket(TestPackets.MIN_STAMPED_IPV4));
    }

    @Test
    default void oneSessionPerAdapterWhateverTheHandle() {
        Adapter created = newAdapter();
        Adapter opened = openAdapter(created.name());
        try (Session session = newSession(created)) {
            assertThat(session.isOpen()).isTrue();
            assertWintunError(WintunErrors.ERROR_ALREADY_INITIALIZED, () -> opened.startSession(MIN_CAPACITY));
        }
        try (Session session = newSession(opened)) {
            assertThat(session.isOpen()).as("a session through the opened handle").isTrue();
        }
    }
}
