package dev.anneal.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Connections to one store with its dialect's settings; a DataSource so that Flyway migrates with the same ones. */
final class Connector implements DataSource {
    final String url;
    final Dialect dialect;

    Connector(String url) {
        this.url = url;
        this.dialect = Dialect.of(url);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Properties p = dialect.connectionProperties();
        return DriverManager.getConnection(url, p);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        Properties p = dialect.connectionProperties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return DriverManager.getConnection(url, p);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }

    /** The URL without its password, for messages. */
    String shown() {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
