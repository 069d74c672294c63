#ifndef CSQLITESETTINGS_SHIM_H
#define CSQLITESETTINGS_SHIM_H

#include <sqlite3.h>

/// sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0): SQLite keeps no statistics of its memory, so its
/// allocations take no process-wide mutex. sqlite3_config is variadic, which Swift does not import.
/// Returns SQLITE_MISUSE, changing nothing, once the library is initialized (a connection opened).
static inline int raschet_sqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

#endif
