package dev.anneal.store;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The store contract on a real PostgreSQL server (Debian's package), a new database per test. */
@ExtendWith(PostgresServer.Resolver.class)
class PostgresStoreTest extends StoreContract {
    private static PostgresServer server;

    @BeforeAll
    static void server(PostgresServer shared) {
        server = shared;
    }

    @Override
    String newStoreUrl() {
        return server.newDatabase();
    }
}
