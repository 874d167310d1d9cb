// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.hosts;

import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.Method;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How a host loads a folder of plugin jars: into a module layer of its own, every jar of the folder
 * a module of a new layer above the boot layer (which holds the API), with one class loader (the
 * pattern the README shows); or as the class path of a class loader of its own.
 */
final class PluginLayers {

    private PluginLayers() {
    }

    /**
     * @param folder jars: a backend and what it needs beyond the API
     * @return the new layer; it stays loaded while anything reaches it
     */
    static ModuleLayer load(Path folder) {
        ModuleFinder plugins = ModuleFinder.of(folder);
        Set<String> roots = plugins.findAll().stream().map(ModuleReference::descriptor)
                .map(descriptor -> descriptor.name()).collect(Collectors.toSet());
        ModuleLayer boot = ModuleLayer.boot();
        Configuration configuration = boot.configuration().resolveAndBind(plugins, ModuleFinder.of(), roots);
        ModuleLayer.Controller controller = ModuleLayer.defineModulesWithOneLoader(configuration, List.of(boot),
                ClassLoader.getSystemClassLoader());
        enableNativeAccess(controller);
        return controller.layer();
    }

    /**
     * @param folder jars, loaded as a class path (unnamed module) instead of a layer
     * @return the loader; the caller closes it
     */
    static URLClassLoader loader(Path folder) throws IOException {
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                jars.add(jar.toUri().toURL());
            }
        }
        return new URLClassLoader("plugins " + folder.getFileName(), jars.toArray(URL[]::new),
                ClassLoader.getSystemClassLoader());
    }

    /**
     * Java 22+ asks for native access per module; for a layer of the host's own, the command line's
     * {@code --enable-native-access} names do not apply, its controller grants it (the host itself
     * needs native access to grant it). Reflective: this class is compiled for Java 17.
     */
    private static void enableNativeAccess(ModuleLayer.Controller controller) {
        Method enable;
        try {
            enable = ModuleLayer.Controller.class.getMethod("enableNativeAccess", Module.class);
        } catch (NoSuchMethodException e) {
            return; // Java 17 to 21: native access needs no grant
        }
        try {
            for (Module module : controller.layer().modules()) {
                enable.invoke(controller, module);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot grant native access to the plugin layer: " + e.getCause(), e);
        }
    }
}
