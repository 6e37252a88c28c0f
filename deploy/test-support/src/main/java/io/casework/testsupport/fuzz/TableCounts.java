package io.casework.testsupport.fuzz;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Row counts of every table of a service's database (but Flyway's), read in one statement: what a refused request
 * must leave exactly as it was.
 */
public final class TableCounts implements AutoCloseable {

    private final Connection connection;
    private final String query;

    public TableCounts(String jdbcUrl, String user, String password) {
        try {
            connection = DriverManager.getConnection(jdbcUrl, user, password);
            List<String> tables = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("""
                            select table_name from information_schema.tables
                            where table_schema = current_schema() and table_type = 'BASE TABLE'
                              and table_name <> 'flyway_schema_history' order by table_name""")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            if (tables.isEmpty()) {
                throw new IllegalStateException("No tables in " + jdbcUrl);
            }
            query = String.join(" union all ", tables.stream()
                    .map(t -> "select '" + t + "', count(*) from \"" + t + "\"").toList());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The default datasource of the Quarkus application under test. */
    public static TableCounts ofTestDatasource() {
        org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        return new TableCounts(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    /** Table name to row count, now. */
    public Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    /** The tables whose count differs, as {@code table: before -> after}; empty when none does. */
    public static List<String> differences(Map<String, Long> before, Map<String, Long> after) {
        List<String> diff = new ArrayList<>();
        before.forEach((table, count) -> {
            if (!count.equals(after.get(table))) {
                diff.add(table + ": " + count + " -> " + after.get(table));
            }
        });
        return diff;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing a test connection: nothing to do
        }
    }
}
