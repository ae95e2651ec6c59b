package dev.anneal.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on an SQLite file. */
class SqliteStoreTest extends StoreContract {
    @TempDir
    Path dir;

    @Override
    String newStoreUrl() {
        return StoreLocation.toUrl(dir.resolve("nested/runs.db").toString());
    }
}
