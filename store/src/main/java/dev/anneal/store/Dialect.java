package dev.anneal.store;

import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;

/** What differs between the databases the store runs on: connection settings, migrations, errors worth a retry. */
enum Dialect {
    SQLITE("sqlite"), POSTGRESQL("postgresql");

    private final String vendor;

    Dialect(String vendor) {
        this.vendor = vendor;
    }

    static Dialect of(String url) {
        if (url.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new StoreException("unsupported store URL '" + url
                + "': expected jdbc:sqlite:PATH, jdbc:postgresql://HOST:PORT/DB or a file path");
    }

    String migrations() {
        return "classpath:dev/anneal/store/migration/" + vendor;
    }

    /**
     * SQLite: WAL so readers never wait for the writer, and a busy timeout so writers queue instead of failing.
     * Every write transaction of this module begins with a write, so its lock is taken through the busy handler
     * (a transaction that read first could not be upgraded). Not IMMEDIATE: sqlite-jdbc begins the next
     * transaction as soon as one commits, which would hold the write lock between batches.
     * synchronous=NORMAL is durable against a killed process (not a power cut), which is what a run needs.
     * PostgreSQL: batched inserts rewritten to multi-row statements.
     */
    Properties connectionProperties() {
        Properties p = new Properties();
        switch (this) {
            case SQLITE -> {
                p.setProperty("journal_mode", "WAL");
                p.setProperty("synchronous", "NORMAL");
                p.setProperty("busy_timeout", "60000");
            }
            case POSTGRESQL -> {
                p.setProperty("reWriteBatchedInserts", "true");
                p.setProperty("ApplicationName", "anneal");
            }
        }
        return p;
    }

    /** Errors that a retry of the same transaction can get past: a busy file, a deadlock, a dropped connection. */
    boolean isTransient(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                String state = s.getSQLState() == null ? "" : s.getSQLState();
                if (this == SQLITE && (BUSY_CODES.contains(s.getErrorCode() & 0xff)
                        || String.valueOf(s.getMessage()).contains("SQLITE_BUSY"))) {
                    return true;
                }
                if (this == POSTGRESQL && (state.equals("40001") || state.equals("40P01") || state.startsWith("08"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final Set<Integer> BUSY_CODES = Set.of(5, 6); // SQLITE_BUSY, SQLITE_LOCKED
}
