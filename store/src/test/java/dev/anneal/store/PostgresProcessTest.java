package dev.anneal.store;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** Crash and concurrency on a real PostgreSQL database: eight writer processes at once. */
@ExtendWith(PostgresServer.Resolver.class)
class PostgresProcessTest extends ProcessContract {
    private static PostgresServer server;

    @BeforeAll
    static void server(PostgresServer shared) {
        server = shared;
    }

    @Override
    String newStoreUrl() {
        return server.newDatabase();
    }

    @Override
    int writers() {
        return 8;
    }
}
