/** Anneal's run store: runs, their per-step traces, events and artifacts over JDBC (SQLite by default, PostgreSQL by URL). */
@SuppressWarnings({"requires-automatic"}) // Flyway's jar names no module
module dev.anneal.store {
    requires transitive java.sql;
    requires flyway.core;

    exports dev.anneal.store;
}
