// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.internal;

import io.github.wintun4j.Wintun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.spi.ToolProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared implementation is exported to the project's modules only: a third party's module
 * that reads the API does not compile against it, while a module of the project does.
 */
class InternalExportTest {

    private static final Set<String> PROJECT_MODULES = Set.of("io.github.wintun4j.mock",
            "io.github.wintun4j.linux", "io.github.wintun4j.windows", "io.github.wintun4j.ffm",
            "io.github.wintun4j.jna", "io.github.wintun4j.tck");

    @TempDir
    Path output;

    @Test
    void onlyThePublicPackagesAreExportedToEveryone() throws URISyntaxException {
        Map<String, Set<String>> exports = new TreeMap<>();
        for (ModuleDescriptor.Exports export : apiDescriptor().exports()) {
            exports.put(export.source(), export.targets());
        }

        assertThat(exports).containsOnlyKeys("io.github.wintun4j", "io.github.wintun4j.spi",
                "io.github.wintun4j.internal", "io.github.wintun4j.internal.ring");
        assertThat(exports.get("io.github.wintun4j")).isEmpty();
        assertThat(exports.get("io.github.wintun4j.spi")).isEmpty();
        assertThat(exports.get("io.github.wintun4j.internal")).isEqualTo(PROJECT_MODULES);
        assertThat(PROJECT_MODULES).containsAll(exports.get("io.github.wintun4j.internal.ring"));
    }

    @Test
    void aThirdPartyModuleCannotCompileAgainstTheInternalPackages() throws URISyntaxException, IOException {
        String errors = compile("com.example.host",
                "io.github.wintun4j.internal.Arguments", "io.github.wintun4j.internal.ring.Ring");

        assertThat(errors)
                .contains("package io.github.wintun4j.internal is not visible")
                .contains("package io.github.wintun4j.internal.ring is not visible");
    }

    @Test
    void aThirdPartyModuleCompilesAgainstTheApiAndTheSpi() throws URISyntaxException, IOException {
        assertThat(compile("com.example.host", "io.github.wintun4j.Wintun", "io.github.wintun4j.spi.WintunBackend"))
                .isEmpty();
    }

    @Test
    void aModuleOfTheProjectCompilesAgainstTheInternalPackages() throws URISyntaxException, IOException {
        assertThat(compile("io.github.wintun4j.mock",
                "io.github.wintun4j.internal.Arguments", "io.github.wintun4j.internal.ring.Ring")).isEmpty();
    }

    private static ModuleDescriptor apiDescriptor() throws URISyntaxException {
        return ModuleFinder.of(apiLocation()).find("io.github.wintun4j").orElseThrow().descriptor();
    }

    /** @return the API's classes (target/classes in the build), compiled with its module-info */
    private static Path apiLocation() throws URISyntaxException {
        return Path.of(Wintun.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /**
     * Compiles a module that reads the API and has one class importing the given types, with the
     * {@code javac} tool ({@code java.util.spi.ToolProvider}: the API module reads only java.base).
     *
     * @return javac's output; empty when it compiled
     */
    private String compile(String module, String... imports) throws URISyntaxException, IOException {
        String pkg = module + ".user";
        StringBuilder user = new StringBuilder("package " + pkg + ";\n");
        for (String type : imports) {
            user.append("import ").append(type).append(";\n");
        }
        user.append("public class User {}\n");
        Path sources = Files.createDirectories(output.resolve(module).resolve("src"));
        Path moduleInfo = Files.writeString(sources.resolve("module-info.java"),
                "module " + module + " { requires io.github.wintun4j; }");
        Path userClass = Files.writeString(
                Files.createDirectories(sources.resolve(pkg.replace('.', '/'))).resolve("User.java"), user);
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
        StringWriter out = new StringWriter();
        int status = javac.run(new PrintWriter(out), new PrintWriter(out),
                "-d", output.resolve(module).resolve("classes").toString(),
                "--module-path", apiLocation().toString(), "-proc:none",
                moduleInfo.toString(), userClass.toString());
        assertThat(status == 0).as(out.toString()).isEqualTo(out.toString().isEmpty());
        return out.toString();
    }
}
