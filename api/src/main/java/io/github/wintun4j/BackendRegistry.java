// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j;

import io.github.wintun4j.spi.BackendAvailability;
import io.github.wintun4j.spi.WintunBackend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The backends found by one {@link ServiceLoader} pass, with the rules of {@link Wintun}.
 * A provider that fails to load (any throwable but a {@link VirtualMachineError}: a
 * {@link ServiceConfigurationError}, a {@link LinkageError} such as a class compiled for a newer
 * Java), whose probe throws or whose start throws, is kept as an unusable entry with its reason
 * rather than breaking the lookup. Immutable once loaded; thread-safe. Package-private: hosts
 * reach it through {@link Wintun} and {@link WintunBackends} only.
 */
final class BackendRegistry {

    private static final String OPERATION = "Wintun.open";

    private final List<Candidate> candidates;

    private BackendRegistry(List<Candidate> candidates) {
        this.candidates = candidates;
    }

    /**
     * {@return a registry over what the pass finds; a provider that fails to load is kept as an unusable entry with the reason, never thrown}
     *
     * @param providers a fresh {@link ServiceLoader} pass (or the tests' own backends)
     */
    static BackendRegistry of(Iterable<? extends WintunBackend> providers) {
        List<Candidate> found = new ArrayList<>();
        Iterator<? extends WintunBackend> iterator = providers.iterator();
        // A provider class may fail as the iterator reaches it: ServiceConfigurationError, or a
        // LinkageError such as UnsupportedClassVersionError (a jar compiled for a newer Java). The
        // iterator has moved past it by then, so the next call goes on with the next provider.
        while (true) {
            WintunBackend backend;
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                backend = iterator.next();
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                found.add(Candidate.broken(e));
                continue;
            }
            found.add(Candidate.probe(backend));
        }
        found.sort(Comparator.comparing((Candidate c) -> !c.info.isNative())
                .thenComparing(Comparator.comparingInt((Candidate c) -> c.priority).reversed())
                .thenComparing(c -> c.info.name()));
        return new BackendRegistry(List.copyOf(found));
    }

    /** {@return every backend, in order of preference} */
    List<BackendInfo> describe() {
        List<BackendInfo> infos = new ArrayList<>();
        for (Candidate candidate : candidates) {
            infos.add(candidate.info);
        }
        return List.copyOf(infos);
    }

    /**
     * {@return a driver of that backend}
     *
     * @param name a backend name, case-insensitive
     * @throws WintunException when absent, unusable or failing
     */
    WintunDriver open(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (Candidate candidate : candidates) {
            if (candidate.info.name().equals(wanted)) {
                if (!candidate.info.usable()) {
                    throw new WintunException(OPERATION, WintunErrors.ERROR_NOT_SUPPORTED,
                            "backend '" + wanted + "' cannot run here: " + candidate.info.reason());
                }
                return start(candidate);
            }
        }
        throw new WintunException(OPERATION, WintunErrors.ERROR_NOT_FOUND,
                "no backend named '" + wanted + "'; present: " + summary());
    }

    /**
     * Picks by the automatic rules of {@link Wintun#open()}.
     *
     * @return a driver
     * @throws WintunException when no backend qualifies
     */
    WintunDriver openAutomatically() {
        for (Candidate candidate : candidates) {
            if (candidate.info.isNative() && candidate.info.usable()) {
                return start(candidate);
            }
        }
        if (candidates.size() == 1 && !candidates.get(0).info.isNative() && candidates.get(0).info.usable()) {
            Candidate only = candidates.get(0);
            System.getLogger(Wintun.class.getName()).log(System.Logger.Level.WARNING,
                    "wintun4j: no native backend is present, using the '" + only.info.name()
                            + "' backend: no real network adapter will be created");
            return start(only);
        }
        throw new WintunException(OPERATION, WintunErrors.ERROR_NOT_SUPPORTED,
                "no usable native backend (an emulation is never picked while a native backend is"
                        + " present; name it with -D" + Wintun.BACKEND_PROPERTY + "=...); present: " + summary());
    }

    private static WintunDriver start(Candidate candidate) {
        try {
            return candidate.backend.openDriver();
        } catch (WintunException | VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            throw new WintunException(OPERATION, WintunErrors.ERROR_NOT_SUPPORTED,
                    "backend '" + candidate.info.name() + "' failed to start: " + e, e);
        }
    }

    private String summary() {
        if (candidates.isEmpty()) {
            return "none (add a backend such as wintun4j-backend-ffm to the class path or module path)";
        }
        StringBuilder text = new StringBuilder();
        for (Candidate candidate : candidates) {
            if (text.length() > 0) {
                text.append("; ");
            }
            text.append(candidate.info.name()).append(candidate.info.usable() ? " (usable)"
                    : " (unusable: " + candidate.info.reason() + ")");
        }
        return text.toString();
    }

    /** One backend and what its probe said. */
    private static final class Candidate {
        final WintunBackend backend;
        final BackendInfo info;
        final int priority;

        private Candidate(WintunBackend backend, BackendInfo info, int priority) {
            this.backend = backend;
            this.info = info;
            this.priority = priority;
        }

        static Candidate probe(WintunBackend backend) {
            String name = String.valueOf(backend.getClass().getName());
            try {
                name = backend.name().toLowerCase(Locale.ROOT);
                BackendAvailability availability = backend.availability();
                return new Candidate(backend,
                        new BackendInfo(name, backend.isNative(), availability.usable(), availability.reason()),
                        backend.priority());
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                return new Candidate(backend,
                        new BackendInfo(name, true, false, "its probe failed: " + e), Integer.MIN_VALUE);
            }
        }

        /**
         * A provider that could not even be loaded: it is listed under the provider class the error
         * names (no instance exists to ask for its name), native, since nothing says otherwise, so
         * that its presence stops the mock from being picked in its place.
         */
        static Candidate broken(Throwable error) {
            return new Candidate(null, new BackendInfo(ProviderFailure.providerOf(error), true, false,
                    "its provider failed to load: " + error), Integer.MIN_VALUE);
        }
    }
}
