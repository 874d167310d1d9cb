// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j;

import java.lang.module.ModuleDescriptor;

/**
 * Grants the API's qualified exports ({@code io.github.wintun4j.internal} and {@code .internal.ring},
 * exported to the project's own modules only) to the project's modules that a host loads later.
 *
 * <p>Why: JPMS binds a qualified export when the exporting module's layer is defined. A host whose
 * API sits in the boot layer and which loads {@code io.github.wintun4j.linux} (say) into a layer of
 * its own would see that module refused the internal packages ({@code IllegalAccessError} on its
 * first call). The export list is read from this module's own descriptor, so it is written once, in
 * {@code module-info.java}. A module may add exports of its own packages at run time
 * ({@link Module#addExports(String, Module)}); nothing wider than the descriptor's targets is
 * granted, except to a class loader's unnamed module (below). Stateless; thread-safe; idempotent.
 */
final class InternalExports {

    private InternalExports() {
    }

    /** Grants each qualified export to the module of that name in {@code layer} or its parents. */
    static void grant(ModuleLayer layer) {
        Module api = InternalExports.class.getModule();
        ModuleDescriptor descriptor = api.getDescriptor();
        if (descriptor == null) {
            return; // the API is on the class path: every package is open to everyone already
        }
        for (ModuleDescriptor.Exports export : descriptor.exports()) {
            for (String target : export.targets()) {
                layer.findModule(target).ifPresent(module -> grant(api, export.source(), module));
            }
        }
    }

    /**
     * Grants each qualified export to the unnamed module of {@code loader}: its class-path plugins
     * (the project's backends among them) are unnamed, and an unnamed module reads only
     * unqualified exports.
     */
    static void grant(ClassLoader loader) {
        Module api = InternalExports.class.getModule();
        ModuleDescriptor descriptor = api.getDescriptor();
        if (descriptor == null) {
            return;
        }
        for (ModuleDescriptor.Exports export : descriptor.exports()) {
            if (export.isQualified()) {
                grant(api, export.source(), loader.getUnnamedModule());
            }
        }
    }

    private static void grant(Module api, String packageName, Module module) {
        if (!api.isExported(packageName, module)) {
            api.addExports(packageName, module);
        }
    }
}
