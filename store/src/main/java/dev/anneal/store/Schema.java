package dev.anneal.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings a store's tables to the current version with Flyway (history in {@value #HISTORY}, so another tool's
 * Flyway in the same database keeps its own), then checks that every index the queries rely on exists.
 */
final class Schema {
    static final String HISTORY = "anneal_schema_history";

    /** The indexes every query plan in this module assumes; a store without one is refused, not slowly read. */
    static final List<String> INDEXES = List.of("runs_started_idx", "runs_status_idx", "runs_parent_idx",
            "series_run_name_idx", "point_blocks_idx");

    /** The newest migration's version (V{n}__…sql): a store at it skips Flyway's class-path scan on open. */
    static final String CURRENT = "2";

    private Schema() {}

    /** Held here: java.util.logging keeps loggers weakly, and a collected one forgets the level set on it. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static void migrate(Connector connector) {
        if (isCurrent(connector)) {
            checkIndexes(connector);
            return;
        }
        FLYWAY_LOG.setLevel(Level.WARNING);
        try {
            if (connector.dialect == Dialect.SQLITE) {
                Path file = sqliteFile(connector.url);
                Files.createDirectories(file.toAbsolutePath().getParent());
                // Flyway takes no lock on SQLite: two processes creating one store at once take turns on this file.
                try (FileChannel ch = FileChannel.open(Path.of(file + ".lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
                    flyway(connector).migrate();
                }
            } else {
                flyway(connector).migrate(); // Flyway holds an advisory lock on PostgreSQL
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the store " + connector.shown() + ": " + e.getMessage(), e);
        } catch (FlywayException e) {
            throw new StoreException("cannot bring the store " + connector.shown() + " to the current schema: "
                    + e.getMessage(), e);
        }
        checkIndexes(connector);
    }

    private static Flyway flyway(Connector connector) {
        return Flyway.configure(Schema.class.getClassLoader())
                .dataSource(connector)
                .table(HISTORY)
                .locations(connector.dialect.migrations())
                .loggers("org.flywaydb.core.internal.logging.javautil.JavaUtilLogCreator") // silenced above
                .load();
    }

    /** Whether Flyway's history says the store is at {@link #CURRENT} already (false for a new or older store). */
    private static boolean isCurrent(Connector connector) {
        try (Connection c = connector.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "select version from " + HISTORY + " where success and version is not null")) {
            String newest = null;
            while (rs.next()) {
                String v = rs.getString(1);
                if (newest == null || Integer.parseInt(v) > Integer.parseInt(newest)) {
                    newest = v;
                }
            }
            return CURRENT.equals(newest);
        } catch (SQLException | NumberFormatException e) {
            return false; // no history table yet, or one Flyway should look at
        }
    }

    static void checkIndexes(Connector connector) {
        String sql = connector.dialect == Dialect.SQLITE
                ? "select name from sqlite_master where type = 'index'"
                : "select indexname from pg_indexes where schemaname = current_schema()";
        Set<String> present = new TreeSet<>();
        try (Connection c = connector.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                present.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the indexes of " + connector.shown() + ": " + e.getMessage(), e);
        }
        for (String index : INDEXES) {
            if (!present.contains(index)) {
                throw new StoreException("the store " + connector.shown() + " lacks the index " + index
                        + " that its queries need (dropped by hand?); recreate it as in the migrations in "
                        + connector.dialect.migrations().replace("classpath:", ""));
            }
        }
    }

    static Path sqliteFile(String url) {
        String rest = url.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        return Path.of(query < 0 ? rest : rest.substring(0, query));
    }
}
