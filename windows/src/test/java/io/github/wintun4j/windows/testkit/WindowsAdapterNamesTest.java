// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.windows.testkit;

import io.github.wintun4j.Adapter;
import io.github.wintun4j.WintunDriver;
import io.github.wintun4j.WintunErrors;
import io.github.wintun4j.WintunException;
import io.github.wintun4j.platform.CrossPlatformBackend;
import io.github.wintun4j.windows.sys.Utf16;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Names and the driver's removal as WireGuard/wintun does them, through a backend's Windows binding against the
 * simulator: the facts the backend-neutral kit cannot state, each with where it comes from.
 */
public abstract class WindowsAdapterNamesTest {

    /** setupapi.h: {@code APPLICATION_ERROR_MASK | ERROR_SEVERITY_ERROR | 0x23D}. */
    private static final int ERROR_INF_IN_USE_BY_DEVICES = 0xE000023D;

    private static int counter;

    private WintunDriver driver;
    private final List<Long> foreignInterfaces = new ArrayList<>();

    @BeforeEach
    void openDriver() {
        SimHooks.bind();
        driver = backend().openDriver(Simulator.dll());
    }

    @AfterEach
    void removeInterfacesAndCloseDriver() {
        foreignInterfaces.forEach(SimHooks::WintunSimRemoveInterface);
        driver.close();
    }

    /** @return the backend under test */
    protected abstract CrossPlatformBackend backend();

    private static synchronized String uniqueName(String prefix) {
        return prefix + ProcessHandle.current().pid() % 10000 + "n" + ++counter;
    }

    private long addPhysicalNic(String alias) {
        long luid = SimHooks.WintunSimAddInterface(Utf16.encode(alias));
        assertThat(luid).as("the simulated NIC \"%s\" was added", alias).isNotZero();
        foreignInterfaces.add(luid);
        return luid;
    }

    private static String aliasOf(long luid) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(2 * 128);
        assertThat(SimHooks.WintunSimInterfaceAlias(luid, buffer, 128)).as("interface 0x%x exists", luid).isNotZero();
        return Utf16.decode(buffer, 0, 128);
    }

    /**
     * api/driver.c, {@code WintunDeleteDriver}: {@code SetupUninstallOEMInfW(Path, 0, NULL)}, without
     * {@code SUOI_FORCEDELETE}, refuses while a device installed from the .inf exists (Microsoft's page for
     * SetupUninstallOEMInf; the code is setupapi.h's {@code ERROR_INF_IN_USE_BY_DEVICES}), and the function
     * returns FALSE with that error. Once no adapter exists, it succeeds.
     */
    @Test
    void deleteDriverWhileAnAdapterExistsFailsWithInfInUseByDevices() {
        Adapter adapter = driver.createAdapter(uniqueName("deldrv"), "Test", null);
        assertThatThrownBy(driver::deleteDriver)
                .isInstanceOfSatisfying(WintunException.class, e -> {
                    assertThat(e.operation()).isEqualTo("WintunDeleteDriver");
                    assertThat(e.errorCode()).isEqualTo(ERROR_INF_IN_USE_BY_DEVICES);
                })
                .hasMessageContaining("ERROR_INF_IN_USE_BY_DEVICES");
        assertThat(driver.runningDriverVersion().toDword()).as("the driver stays").isEqualTo(0x0000_000E);
        adapter.close();
        driver.deleteDriver();
        assertThatThrownBy(driver::runningDriverVersion).isInstanceOfSatisfying(WintunException.class,
                e -> assertThat(e.errorCode()).isEqualTo(WintunErrors.ERROR_FILE_NOT_FOUND));
    }

    /**
     * api/adapter.c, {@code WintunOpenAdapter}: no length check, a {@code _wcsicmp} of the name with each
     * adapter's Wintun name ({@code DEVPKEY_Wintun_Name}, at most {@code MAX_ADAPTER_NAME} = 128 units with the
     * NUL): a name over 127 units matches none, {@code LOG_ERROR(ERROR_NOT_FOUND, ...)}.
     */
    @Test
    void openingANameOver127UnitsIsNotFound() {
        String name = "x".repeat(128);
        assertThatThrownBy(() -> driver.openAdapter(name)).isInstanceOfSatisfying(WintunException.class, e -> {
            assertThat(e.operation()).isEqualTo("WintunOpenAdapter");
            assertThat(e.errorCode()).isEqualTo(WintunErrors.ERROR_NOT_FOUND);
        });
    }

    /**
     * api/adapter.c, {@code NciSetAdapterName}: on {@code ERROR_DUP_NAME} it looks the alias up with
     * {@code ConvertInterfaceAliasToGuid} ({@code ConvertInterfaceAliasToLuid}: every interface of the machine)
     * and renames that interface to {@code "<name> 1"} with {@code NciSetConnectionName}; a physical NIC too.
     */
    @Test
    void aNewAdapterTakesTheNameOfAPhysicalNicWhichBecomesNameOne() {
        String name = uniqueName("nic");
        long nic = addPhysicalNic(name);
        Adapter adapter = driver.createAdapter(name, "Test", null);
        assertThat(adapter.name()).isEqualTo(name);
        assertThat(aliasOf(nic)).isEqualTo(name + " 1");
    }

    /**
     * api/adapter.c, {@code NciSetAdapterName}: the proposal {@code "%s %d"} goes into
     * {@code WCHAR[MAX_ADAPTER_NAME]} with {@code _TRUNCATE}; when it does not fit, ERROR_BUFFER_OVERFLOW before
     * any rename, so the other interface keeps its alias, and {@code WintunCreateAdapter} removes the new device.
     */
    @Test
    void whenNameOneDoesNotFitCreationFailsWithBufferOverflowAndTheNicKeepsItsName() {
        String name = uniqueName("nic");
        name = name + "x".repeat(127 - name.length());
        long nic = addPhysicalNic(name);
        String taken = name;
        assertThatThrownBy(() -> driver.createAdapter(taken, "Test", null))
                .isInstanceOfSatisfying(WintunException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(WintunErrors.ERROR_BUFFER_OVERFLOW));
        assertThat(aliasOf(nic)).isEqualTo(name);
        assertThatThrownBy(() -> driver.openAdapter(taken)).isInstanceOfSatisfying(WintunException.class,
                e -> assertThat(e.errorCode()).isEqualTo(WintunErrors.ERROR_NOT_FOUND));
    }

    /**
     * {@code name()} is the interface's alias ({@code GetIfEntry2}), which the user may change; the name
     * {@code WintunOpenAdapter} matches is the Wintun name of the device ({@code DEVPKEY_Wintun_Name}, set at
     * creation, changed only by Wintun's own {@code RenameByNetGUID}): after a user's rename the adapter still
     * opens by its first name, and {@code name()} answers the new alias.
     */
    @Test
    void nameIsTheAliasWhichTheUserMayChangeWhileOpenMatchesTheWintunName() {
        String name = uniqueName("alias");
        Adapter adapter = driver.createAdapter(name, "Test", null);
        String renamed = name + " by the user";
        assertThat(SimHooks.WintunSimSetInterfaceAlias(adapter.luid(), Utf16.encode(renamed))).isNotZero();
        assertThat(adapter.name()).isEqualTo(renamed);
        assertThat(driver.openAdapter(name).luid()).isEqualTo(adapter.luid());
        assertThatThrownBy(() -> driver.openAdapter(renamed)).isInstanceOfSatisfying(WintunException.class,
                e -> assertThat(e.errorCode()).isEqualTo(WintunErrors.ERROR_NOT_FOUND));
    }
}
