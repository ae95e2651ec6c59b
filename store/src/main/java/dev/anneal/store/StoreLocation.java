package dev.anneal.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the store is: the {@code --store} flag, else the environment variable {@value #ENV}, else the SQLite file
 * {@code $XDG_DATA_HOME/anneal/runs.db} ({@code ~/.local/share/anneal/runs.db} when XDG_DATA_HOME is unset).
 * A location is a JDBC URL ({@code jdbc:sqlite:…}, {@code jdbc:postgresql://…}) or a file path for SQLite.
 */
public final class StoreLocation {
    public static final String ENV = "ANNEAL_STORE";

    private StoreLocation() {}

    /** The JDBC URL of the store named by {@code flag} (null or blank: none given), this process's environment. */
    public static String resolve(String flag) {
        return resolve(flag, System.getenv(), System.getProperty("user.home"));
    }

    static String resolve(String flag, Map<String, String> env, String home) {
        String given = flag != null && !flag.isBlank() ? flag : env.get(ENV);
        if (given != null && !given.isBlank()) {
            return toUrl(given.strip());
        }
        return toUrl(defaultPath(env, home).toString());
    }

    /** The default SQLite file under the XDG data folder. */
    static Path defaultPath(Map<String, String> env, String home) {
        String xdg = env.get("XDG_DATA_HOME");
        Path data = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share");
        return data.resolve("anneal").resolve("runs.db");
    }

    /** A JDBC URL as given; a file path as the SQLite URL of its absolute path. */
    public static String toUrl(String location) {
        if (location.startsWith("jdbc:")) {
            return location;
        }
        return "jdbc:sqlite:" + Path.of(location).toAbsolutePath().normalize();
    }
}
