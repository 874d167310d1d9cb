// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal;

import io.github.wintun4j.WintunServiceProperties;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the project's OSGi hosts (the shell's commands, the demo component, the launcher) choose among
 * the {@code WintunDriver} services of a framework: the highest-ranked wins, in the order of the
 * framework's own {@code ServiceReference.compareTo} (service ranking, then the older service).
 * Written once and free of OSGi types, so that it lives beside the API: a reference is any
 * {@link Comparable} that orders like {@code ServiceReference}, and its service properties are read
 * through a function.
 *
 * <p>Stateless; thread-safe as long as the references may be read from the calling thread.
 */
public final class DriverRanking {

    private DriverRanking() {
    }

    /**
     * @param references the driver services present
     * @param backendOf  reads a reference's {@link WintunServiceProperties#BACKEND} property
     * @param backend    the backend wanted, in any case and with blanks around it; blank for any
     * @param <R>        the reference type, such as {@code ServiceReference<WintunDriver>}
     * @return the highest-ranked reference of that backend; empty when there is none
     */
    public static <R extends Comparable<? super R>> Optional<R> highest(Collection<? extends R> references,
            Function<? super R, ?> backendOf, String backend) {
        Objects.requireNonNull(references, "references");
        Objects.requireNonNull(backendOf, "backendOf");
        String wanted = Objects.requireNonNull(backend, "backend").trim();
        R best = null;
        for (R reference : references) {
            Object name = backendOf.apply(reference);
            boolean matches = wanted.isEmpty() || (name != null && wanted.equalsIgnoreCase(name.toString()));
            if (matches && (best == null || reference.compareTo(best) > 0)) {
                best = reference;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * @param references the driver services present
     * @param <R>        the reference type, such as {@code ServiceReference<WintunDriver>}
     * @return a new list of them, the highest-ranked first
     */
    public static <R extends Comparable<? super R>> List<R> highestFirst(Collection<? extends R> references) {
        List<R> sorted = new ArrayList<>(Objects.requireNonNull(references, "references"));
        sorted.sort(Comparator.reverseOrder());
        return sorted;
    }

    /**
     * @param nativeProperty a service's {@link WintunServiceProperties#NATIVE} property, or {@code null}
     * @return whether the service talks to a real driver: only an explicit {@code false} marks an
     *         emulation, as every backend of the project registers the property
     */
    public static boolean isNative(Object nativeProperty) {
        return !Boolean.FALSE.equals(nativeProperty);
    }
}
