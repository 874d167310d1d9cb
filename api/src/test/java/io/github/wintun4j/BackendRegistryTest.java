// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j;

import io.github.wintun4j.spi.BackendAvailability;
import io.github.wintun4j.spi.WintunBackend;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.ServiceConfigurationError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The selection rules of {@link io.github.wintun4j.Wintun}, over hand-made backends. */
class BackendRegistryTest {

    private final FakeBackend mock = new FakeBackend("mock", false, 0, BackendAvailability.ofUsable());
    private final FakeBackend ffm = new FakeBackend("ffm", true, 20, BackendAvailability.ofUsable());
    private final FakeBackend jna = new FakeBackend("jna", true, 10, BackendAvailability.ofUsable());
    private final FakeBackend blockedFfm = new FakeBackend("ffm", true, 20,
            BackendAvailability.ofUnusable("add --enable-native-access=ALL-UNNAMED"));

    @Test
    void listsNativeBackendsFirstByPriority() {
        List<BackendInfo> infos = BackendRegistry.of(List.of(mock, jna, ffm)).describe();
        assertThat(infos).extracting(BackendInfo::name).containsExactly("ffm", "jna", "mock");
    }

    @Test
    void picksTheUsableNativeBackendWithTheHighestPriority() {
        assertThat(BackendRegistry.of(List.of(mock, jna, ffm)).openAutomatically().backendName()).isEqualTo("ffm");
        assertThat(BackendRegistry.of(List.of(mock, jna, blockedFfm)).openAutomatically().backendName())
                .isEqualTo("jna");
    }

    @Test
    void neverPicksTheMockWhileANativeBackendIsPresent() {
        assertThatThrownBy(() -> BackendRegistry.of(List.of(mock, blockedFfm)).openAutomatically())
                .isInstanceOfSatisfying(WintunException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(WintunErrors.ERROR_NOT_SUPPORTED);
                    assertThat(e.getMessage()).contains("ffm (unusable: add --enable-native-access=ALL-UNNAMED)")
                            .contains("mock (usable)");
                });
    }

    @Test
    void picksTheMockWhenItIsTheOnlyBackend() {
        assertThat(BackendRegistry.of(List.of(mock)).openAutomatically().backendName()).isEqualTo("mock");
    }

    @Test
    void opensByNameIgnoringCase() {
        assertThat(BackendRegistry.of(List.of(mock, ffm)).open("MOCK").backendName()).isEqualTo("mock");
    }

    @Test
    void namesAMissingBackendAndListsThePresentOnes() {
        assertThatThrownBy(() -> BackendRegistry.of(List.of(mock)).open("jna"))
                .isInstanceOfSatisfying(WintunException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(WintunErrors.ERROR_NOT_FOUND);
                    assertThat(e.getMessage()).contains("no backend named 'jna'").contains("mock (usable)");
                });
    }

    @Test
    void saysWhyAnUnusableBackendCannotBeOpened() {
        assertThatThrownBy(() -> BackendRegistry.of(List.of(blockedFfm)).open("ffm"))
                .isInstanceOfSatisfying(WintunException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(WintunErrors.ERROR_NOT_SUPPORTED);
                    assertThat(e.getMessage()).contains("backend 'ffm' cannot run here: add --enable-native-access");
                });
    }

    @Test
    void survivesAProviderThatFailsToLoadOrToProbe() {
        FakeBackend throwing = new FakeBackend("jna", true, 10, null);
        Iterable<WintunBackend> providers = () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                if (next == 1) {
                    next++;
                    throw new ServiceConfigurationError("Provider com.example.Broken could not be instantiated");
                }
                return next < 3;
            }

            @Override
            public WintunBackend next() {
                switch (next++) {
                    case 0: return throwing;
                    case 2: return mock;
                    default: throw new NoSuchElementException();
                }
            }
        };
        BackendRegistry registry = BackendRegistry.of(providers);
        assertThat(registry.describe()).extracting(BackendInfo::name)
                .containsExactly("com.example.Broken", "jna", "mock");
        assertThat(registry.describe().get(1).reason()).contains("its probe failed");
        // A broken provider is present: the mock is not picked in its place.
        assertThatThrownBy(registry::openAutomatically).hasMessageContaining("com.example.Broken");
    }

    @Test
    void aProviderCompiledForANewerJavaIsListedUnusableWithTheReason() {
        Iterable<WintunBackend> providers = () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                if (next == 0) {
                    next++;
                    // What ServiceLoader lets through on Java 17 for a provider compiled for Java 22.
                    throw new UnsupportedClassVersionError("io/github/wintun4j/ffm/FfmBackend has been compiled by"
                            + " a more recent version of the Java Runtime (class file version 66.0)");
                }
                return next < 2;
            }

            @Override
            public WintunBackend next() {
                next++;
                return mock;
            }
        };
        BackendRegistry registry = BackendRegistry.of(providers);
        assertThat(registry.describe()).hasSize(2);
        BackendInfo broken = registry.describe().get(0);
        assertThat(broken.name()).isEqualTo("io.github.wintun4j.ffm.FfmBackend");
        assertThat(broken.usable()).isFalse();
        assertThat(broken.reason()).contains("UnsupportedClassVersionError").contains("class file version 66.0");
        assertThatThrownBy(() -> registry.open("ffm")).isInstanceOf(WintunException.class)
                .hasMessageContaining("io.github.wintun4j.ffm.FfmBackend (unusable: its provider failed to load");
    }

    @Test
    void aProbeOrAStartThatThrowsAnyErrorBecomesTheReason() {
        FakeBackend linkage = new FakeBackend("ffm", true, 20, BackendAvailability.ofUsable()) {
            @Override
            public BackendAvailability availability() {
                throw new NoClassDefFoundError("java/lang/foreign/Arena");
            }
        };
        BackendInfo info = BackendRegistry.of(List.of(linkage)).describe().get(0);
        assertThat(info.usable()).isFalse();
        assertThat(info.reason()).contains("NoClassDefFoundError").contains("java/lang/foreign/Arena");

        FakeBackend asserting = new FakeBackend("jna", true, 10, BackendAvailability.ofUsable()) {
            @Override
            public WintunDriver openDriver() {
                throw new AssertionError("a provider's own bug");
            }
        };
        assertThatThrownBy(() -> BackendRegistry.of(List.of(asserting)).open("jna"))
                .isInstanceOf(WintunException.class).hasMessageContaining("backend 'jna' failed to start")
                .hasMessageContaining("a provider's own bug");
    }

    @Test
    void reportsABackendThatFailsToStart() {
        FakeBackend failing = new FakeBackend("ffm", true, 20, BackendAvailability.ofUsable()) {
            @Override
            public WintunDriver openDriver() {
                throw new UnsatisfiedLinkError("no libc");
            }
        };
        assertThatThrownBy(() -> BackendRegistry.of(List.of(failing)).open("ffm"))
                .isInstanceOf(WintunException.class).hasMessageContaining("backend 'ffm' failed to start")
                .hasMessageContaining("no libc");
    }

    @Test
    void anUnusableBackendMustSayWhy() {
        assertThatThrownBy(() -> BackendAvailability.ofUnusable(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
