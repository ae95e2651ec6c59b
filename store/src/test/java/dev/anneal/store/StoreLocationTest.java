package dev.anneal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the store is: the flag, else ANNEAL_STORE, else the XDG data folder, else ~/.local/share. */
class StoreLocationTest {
    @Test
    void the_flag_wins_then_the_environment_then_the_xdg_folder_then_home() {
        Map<String, String> env = Map.of("ANNEAL_STORE", "jdbc:postgresql://db:5432/runs", "XDG_DATA_HOME", "/data");
        assertThat(StoreLocation.resolve("/tmp/mine.db", env, "/home/u")).isEqualTo("jdbc:sqlite:/tmp/mine.db");
        assertThat(StoreLocation.resolve(null, env, "/home/u")).isEqualTo("jdbc:postgresql://db:5432/runs");
        assertThat(StoreLocation.resolve(" ", Map.of("XDG_DATA_HOME", "/data"), "/home/u"))
                .isEqualTo("jdbc:sqlite:/data/anneal/runs.db");
        assertThat(StoreLocation.resolve(null, Map.of(), "/home/u")).isEqualTo("jdbc:sqlite:/home/u/.local/share/anneal/runs.db");
    }

    @Test
    void a_relative_path_becomes_an_absolute_sqlite_url() {
        assertThat(StoreLocation.toUrl("runs.db")).isEqualTo("jdbc:sqlite:" + Path.of("runs.db").toAbsolutePath());
    }

    @Test
    void an_unknown_database_is_a_clear_error() {
        assertThatThrownBy(() -> RunStore.open("jdbc:mysql://db/runs")).isInstanceOf(StoreException.class)
                .hasMessage("unsupported store URL 'jdbc:mysql://db/runs': expected jdbc:sqlite:PATH, "
                        + "jdbc:postgresql://HOST:PORT/DB or a file path");
    }

    @Test
    void the_current_schema_version_names_the_newest_migration_of_each_database() throws Exception {
        for (String vendor : java.util.List.of("sqlite", "postgresql")) {
            Path folder = Path.of(getClass().getResource("/dev/anneal/store/migration/" + vendor).toURI());
            try (var files = java.nio.file.Files.list(folder)) {
                int newest = files.map(f -> f.getFileName().toString())
                        .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
                assertThat(Schema.CURRENT).as(vendor).isEqualTo(Integer.toString(newest));
            }
        }
    }

    @Test
    void a_password_never_appears_in_messages() {
        assertThat(new Connector("jdbc:postgresql://db/runs?user=a&password=secret&ssl=true").shown())
                .isEqualTo("jdbc:postgresql://db/runs?user=a&password=***&ssl=true");
    }
}
