package app.backcoach.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the database server did over a load, from its global status counters: rows it went through (by an
 * index, or scanning a table), rows written, temporary tables, redo log flushes. Statement counts say how
 * often the app asks; these say how much each question costs, which is what the server's CPU follows. The
 * counters are the whole server's, so another client's work would show here too (the benchmark's own
 * connection reads them, a handful of rows per load).
 */
final class ServerWork {

    private static final String[] COUNTERS = {"Handler_read_key", "Handler_read_next", "Handler_read_prev",
            "Handler_read_first", "Handler_read_last", "Handler_read_rnd", "Handler_read_rnd_next", "Handler_write",
            "Handler_update", "Handler_delete", "Created_tmp_tables", "Innodb_data_fsyncs"};

    private ServerWork() {
    }

    static Map<String, Long> take(String jdbcUrl, String user, String password) throws SQLException {
        Map<String, Long> values = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('"
                     + String.join("', '", COUNTERS) + "')")) {
            while (rows.next()) {
                values.put(rows.getString(1), Long.parseLong(rows.getString(2)));
            }
        }
        return values;
    }

    /** "rows read 12.3 by index (…), 0.0 scanned; written 4.0; …" per update. */
    static String perUpdate(Map<String, Long> before, Map<String, Long> after, int updates) {
        Map<String, Double> per = new HashMap<>();
        for (String counter : COUNTERS) {
            per.put(counter, (after.getOrDefault(counter, 0L) - before.getOrDefault(counter, 0L)) / (double) updates);
        }
        double byIndex = per.get("Handler_read_key") + per.get("Handler_read_next") + per.get("Handler_read_prev")
                + per.get("Handler_read_first") + per.get("Handler_read_last") + per.get("Handler_read_rnd");
        return String.format(Locale.ROOT, "rows read %.1f by index (%.1f lookups, %.1f next, %.1f previous), %.1f"
                        + " scanned; rows written %.1f, changed %.1f, deleted %.1f; temporary tables %.2f; log fsyncs %.2f",
                byIndex, per.get("Handler_read_key"), per.get("Handler_read_next"), per.get("Handler_read_prev"),
                per.get("Handler_read_rnd_next"), per.get("Handler_write"), per.get("Handler_update"),
                per.get("Handler_delete"), per.get("Created_tmp_tables"), per.get("Innodb_data_fsyncs"));
    }
}
