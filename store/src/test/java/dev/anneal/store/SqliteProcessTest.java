package dev.anneal.store;

/** Crash and concurrency on one SQLite file: two writer processes at once. */
class SqliteProcessTest extends ProcessContract {
    @Override
    String newStoreUrl() {
        return StoreLocation.toUrl(dir.resolve("runs.db").toString());
    }

    @Override
    int writers() {
        return 2;
    }
}
