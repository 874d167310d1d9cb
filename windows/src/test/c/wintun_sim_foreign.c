// SPDX-License-Identifier: Apache-2.0
/*
 * Part of wintun_sim.c (included at its end; it needs the simulator's lock and helpers): the machine's other
 * network interfaces, such as a physical NIC, which are no Wintun adapters.
 *
 * Why they matter: when a new adapter's name is an alias in use, Wintun's NciSetAdapterName (WireGuard/wintun
 * api/adapter.c) looks that alias up with ConvertInterfaceAliasToLuid, the system-wide alias table, and renames
 * whichever interface has it to "<name> 1", "<name> 2", ... (NciSetConnectionName): a physical NIC is renamed just
 * like another Wintun adapter. Only a Wintun adapter also gets its Wintun name changed (RenameByNetGUID walks
 * the Wintun devices), which is what WintunOpenAdapter matches; a foreign interface is never opened.
 */

struct foreign_interface {
    struct foreign_interface *next;
    uint64_t luid;
    WCHAR alias[MAX_NAME_UNITS + 1];
};

static struct foreign_interface *g_foreign; /* under g_lock */

/* Under g_lock. */
static struct foreign_interface *foreign_named(const WCHAR *alias)
{
    for (struct foreign_interface *f = g_foreign; f; f = f->next)
        if (wequal_ignoring_case(f->alias, alias))
            return f;
    return NULL;
}

/* The live Wintun adapter whose interface has this alias (not its Wintun name). Under g_lock. */
static struct adapter *adapter_with_alias(const WCHAR *alias)
{
    for (struct adapter *a = g_adapters; a; a = a->next)
        if (!a->removed && wequal_ignoring_case(a->alias, alias))
            return a;
    return NULL;
}

/* Whether any interface, a Wintun adapter or another, has this alias. Under g_lock. */
static int alias_in_use(const WCHAR *alias)
{
    return adapter_with_alias(alias) != NULL || foreign_named(alias) != NULL;
}

/*
 * NciSetAdapterName's rename of the interface that has the new adapter's name as its alias, whatever it is:
 * sets *renamed when there was one; returns 0 or ERROR_BUFFER_OVERFLOW (that interface then keeps its alias).
 * A Wintun adapter's Wintun name follows (RenameByNetGUID); a user's alias change never reaches it. Under g_lock.
 */
static int rename_alias_holder(const WCHAR *alias, int *renamed)
{
    struct adapter *adapter = adapter_with_alias(alias);
    struct foreign_interface *foreign = adapter ? NULL : foreign_named(alias);
    *renamed = adapter || foreign;
    if (!*renamed)
        return 0;
    int problem = rename_older(adapter ? adapter->alias : foreign->alias, alias);
    if (!problem && adapter)
        memcpy(adapter->name, adapter->alias, sizeof adapter->alias);
    return problem;
}

/* The alias of the interface, a live Wintun adapter or another, with this LUID; NULL for none. Under g_lock. */
static WCHAR *alias_of_luid(uint64_t luid)
{
    struct adapter *adapter = adapter_with_luid(luid, 1);
    if (adapter)
        return adapter->alias;
    for (struct foreign_interface *f = g_foreign; f; f = f->next)
        if (f->luid == luid)
            return f->alias;
    return NULL;
}

/* Test hook: adds an interface that is no Wintun adapter (IF_TYPE_ETHERNET_CSMACD, as a physical NIC) with this
 * alias; returns its LUID, or 0 when the alias is empty, too long or in use. */
EXPORT ULONG64 WintunSimAddInterface(const WCHAR *alias)
{
    if (name_problem(alias))
        return 0;
    struct foreign_interface *added = calloc(1, sizeof *added);
    if (!added)
        return 0;
    pthread_mutex_lock(&g_lock);
    if (alias_in_use(alias)) {
        pthread_mutex_unlock(&g_lock);
        free(added);
        return 0;
    }
    memcpy(added->alias, alias, (wlen(alias) + 1) * sizeof(WCHAR));
    added->luid = ((uint64_t)6 << 48) | ((uint64_t)++g_next_index << 24); /* 6: IF_TYPE_ETHERNET_CSMACD */
    added->next = g_foreign;
    g_foreign = added;
    pthread_mutex_unlock(&g_lock);
    return added->luid;
}

/* Test hook: copies the alias of the interface (a Wintun adapter or another) with this LUID into buffer, which
 * holds units WCHARs; returns whether there is such an interface. */
EXPORT BOOL WintunSimInterfaceAlias(ULONG64 luid, WCHAR *buffer, DWORD units)
{
    if (!buffer || units == 0)
        return 0;
    pthread_mutex_lock(&g_lock);
    const WCHAR *alias = alias_of_luid(luid);
    if (alias) {
        size_t n = wlen(alias);
        if (n >= units)
            n = units - 1;
        memcpy(buffer, alias, n * sizeof(WCHAR));
        buffer[n] = 0;
    }
    pthread_mutex_unlock(&g_lock);
    return alias != NULL;
}

/* Test hook: the user renames an interface, a Wintun adapter or another (netsh interface set interface
 * name=...): its alias changes, a Wintun adapter's Wintun name does not. Returns 0 when there is no such
 * interface or another one has that alias (NciSetConnectionName's ERROR_DUP_NAME). */
EXPORT BOOL WintunSimSetInterfaceAlias(ULONG64 luid, const WCHAR *alias)
{
    if (name_problem(alias))
        return 0;
    pthread_mutex_lock(&g_lock);
    WCHAR *target = alias_of_luid(luid);
    int taken = alias_in_use(alias) && !(target && wequal_ignoring_case(target, alias));
    if (target && !taken)
        memcpy(target, alias, (wlen(alias) + 1) * sizeof(WCHAR));
    pthread_mutex_unlock(&g_lock);
    return target && !taken;
}

/* Test hook: removes an interface added by WintunSimAddInterface; returns whether there was one. */
EXPORT BOOL WintunSimRemoveInterface(ULONG64 luid)
{
    struct foreign_interface *removed = NULL;
    pthread_mutex_lock(&g_lock);
    for (struct foreign_interface **link = &g_foreign; *link; link = &(*link)->next) {
        if ((*link)->luid == luid) {
            removed = *link;
            *link = removed->next;
            break;
        }
    }
    pthread_mutex_unlock(&g_lock);
    free(removed);
    return removed != NULL;
}
