package app.backcoach.benchmark;

import static org.awaitility.Awaitility.await;

import app.backcoach.testing.FakeBotApi;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Handling grows with instances: the packaged app as one, then two processes on one database
 * (a sibling of the test database, made afresh), against a fake Bot API with the sender's limits
 * raised, so handling is what is measured. Prints handled updates/s for one and for two instances,
 * and then kills one of the two mid-load (kill -9) and counts what was lost, doubled or reordered.
 * Sizes: -Dbench.scale.chats (200), -Dbench.scale.updates (updates per chat, 10).
 */
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
class ScaleBenchmark {

    private static final Path RESULTS = Path.of("target", "benchmark-results.txt");
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final String HELP = "What I can do";
    private static final String CANCEL = "nothing to cancel";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> dbPasswordSetting;

    private String dbPassword;

    /** Keep-alive as the real Bot API has it; -Dbench.keep-alive=false opens a connection per call, as runs before 2026-12-07 did. */
    private final FakeBotApi fake = Boolean.parseBoolean(System.getProperty("bench.keep-alive", "true"))
            ? new FakeBotApi().keepingConnections() : new FakeBotApi();
    private final Map<Process, Integer> ports = new LinkedHashMap<>();
    private String scaleUrl;

    @Test
    void handledUpdatesPerSecondWithOneAndWithTwoInstances() throws Exception {
        if (!Files.exists(JAR)) {
            report("(e) one vs two instances", "skipped: build the app first (./mvnw -B verify -Pbenchmark does)");
            return;
        }
        int chats = Integer.getInteger("bench.scale.chats", 200);
        int perChat = Integer.getInteger("bench.scale.updates", 10);
        dbPassword = dbPasswordSetting.orElse("");
        scaleUrl = freshDatabase();
        fake.start();
        try {
            Process one = launch(1);
            awaitBalanced(1);
            load(1_000_000, chats, 2, null); // warm-up: JIT, pools
            Run alone = load(2_000_000, chats, perChat, null);

            Process two = launch(2);
            awaitBalanced(2);
            load(3_000_000, chats, 2, null);
            Run pair = load(4_000_000, chats, perChat, null);

            Process victim = leading(one) ? two : one;
            Run killed = load(5_000_000, chats, perChat, victim);

            report("(e) handling grows with instances",
                    String.format(Locale.ROOT, "packaged jar, polling, %d chats × %d updates (/help and /cancel by"
                            + " turns) queued at once, sender limits raised to 1000/s, 32 partitions", chats, perChat),
                    alone.line("one instance"),
                    pair.line("two instances"),
                    String.format(Locale.ROOT, "two vs one: %.2f×", pair.perSecond() / alone.perSecond()),
                    killed.line("two, the non-leading one killed (kill -9) after a third"),
                    String.format(Locale.ROOT, "load average at the end: %s",
                            Files.readString(Path.of("/proc/loadavg")).trim()));
        } finally {
            for (Process process : ports.keySet()) {
                process.destroy();
            }
            for (Process process : ports.keySet()) {
                process.waitFor(30, TimeUnit.SECONDS);
                process.destroyForcibly();
            }
            fake.stop();
        }
    }

    /** One measured load: what was handled, how fast, by whom, and what went wrong. */
    record Run(int updates, double seconds, double repliesSeconds, Map<String, Long> byInstance, double cpuMsPerUpdate,
               long lost, long doubled, long reordered, double takeOverSeconds) {
        double perSecond() {
            return updates / seconds;
        }

        String line(String what) {
            return String.format(Locale.ROOT, "%s: %d updates handled in %.1f s = %.0f updates/s (all replies"
                            + " sent after %.1f s); per instance %s;%s lost %d, doubled %d, out of order %d%s", what,
                    updates, seconds, perSecond(), repliesSeconds, byInstance.values(), Double.isNaN(cpuMsPerUpdate)
                            ? "" : String.format(Locale.ROOT, " CPU %.1f ms per update (all app processes);",
                            cpuMsPerUpdate), lost, doubled, reordered,
                    takeOverSeconds > 0 ? String.format(Locale.ROOT, "; the killed one's chats went on %.1f s after"
                            + " the kill", takeOverSeconds) : "");
        }
    }

    private Run load(long base, int chats, int perChat, Process killAfterAThird) throws Exception {
        long cpuBefore = cpuMillis();
        long start = System.nanoTime();
        for (int round = 0; round < perChat; round++) {
            for (int chat = 1; chat <= chats; chat++) {
                fake.pushText(base + chat, round % 2 == 0 ? "/help" : "/cancel");
            }
        }
        int total = chats * perChat;
        double takeOver = 0;
        if (killAfterAThird != null) {
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> handled(base, chats) >= total / 3);
            long killedAt = System.nanoTime();
            String victim = killAfterAThird.pid() + "@%";
            killAfterAThird.destroyForcibly(); // SIGKILL: no clean stop, its leases just run out
            killAfterAThird.waitFor();
            ports.remove(killAfterAThird);
            cpuBefore = cpuMillis();
            // Its chats go on once the survivor has taken over its partitions, after their lease (10 s).
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> partitionsHeldBy(victim) == 0);
            takeOver = (System.nanoTime() - killedAt) / 1e9;
        }
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> handled(base, chats) >= total);
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = cpuMillis() - cpuBefore;
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> replies(base, chats) >= total);
        double repliesSeconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(2000); // a double would come within this
        long lost = 0;
        long doubled = 0;
        long reordered = 0;
        for (int chat = 1; chat <= chats; chat++) {
            List<String> texts = fake.currentMessages(base + chat).stream().map(m -> m.path("text").asText()).toList();
            lost += Math.max(0, perChat - texts.size());
            doubled += Math.max(0, texts.size() - perChat);
            for (int i = 0; i < Math.min(perChat, texts.size()); i++) {
                if (!texts.get(i).contains(i % 2 == 0 ? HELP : CANCEL)) {
                    reordered++;
                    break;
                }
            }
        }
        double cpuMs = killAfterAThird != null ? Double.NaN : (double) cpu / total;
        return new Run(total, seconds, repliesSeconds, byInstance(base, chats), cpuMs, lost, doubled, reordered,
                takeOver);
    }

    private Process launch(int number) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", JAR.toString()).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "scale-app-" + number + ".log").toFile());
        Map<String, String> env = new HashMap<>();
        env.put("BOT_TOKEN", FakeBotApi.TOKEN);
        env.put("BOT_API_URL", fake.baseUrl());
        env.put("DB_URL", scaleUrl);
        env.put("DB_USER", dbUser);
        env.put("DB_PASSWORD", dbPassword);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("SCHEDULE_TICK", "off");
        env.put("SENDER_GLOBAL_PER_SECOND", "1000");
        env.put("SENDER_PER_CHAT_PER_SECOND", "1000");
        env.put("SENDER_PER_CHAT_BURST", "1000");
        builder.environment().putAll(env);
        Process process = builder.start();
        ports.put(process, port);
        HttpClient http = HttpClient.newHttpClient();
        URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() ->
                http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200);
        return process;
    }

    /** Until the live instances hold the partitions evenly (and someone leads). */
    private void awaitBalanced(int instances) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<Long> held = new ArrayList<>();
            try (Connection connection = connect(); Statement query = connection.createStatement();
                 ResultSet result = query.executeQuery("SELECT COUNT(*) FROM lane_partition"
                         + " WHERE expires_at > NOW(6) GROUP BY holder")) {
                while (result.next()) {
                    held.add(result.getLong(1));
                }
            }
            return held.size() == instances && held.stream().mapToLong(Long::longValue).sum() == 32
                    && held.stream().allMatch(count -> count == 32 / instances) && leader() != null;
        });
    }

    private boolean leading(Process process) throws SQLException {
        String holder = leader();
        return holder != null && holder.startsWith(process.pid() + "@");
    }

    private String leader() throws SQLException {
        try (Connection connection = connect(); Statement query = connection.createStatement();
             ResultSet result = query.executeQuery(
                     "SELECT holder FROM dispatch_lease WHERE name = 'dispatch' AND expires_at > NOW(6)")) {
            return result.next() ? result.getString(1) : null;
        }
    }

    private long handled(long base, int chats) throws SQLException {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*) FROM inbox_update WHERE status = 'DONE' AND chat_id BETWEEN ? AND ?")) {
            query.setLong(1, base + 1);
            query.setLong(2, base + chats);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private long partitionsHeldBy(String holderPattern) throws SQLException {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*) FROM lane_partition WHERE holder LIKE ?")) {
            query.setString(1, holderPattern);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private Map<String, Long> byInstance(long base, int chats) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT handled_by, COUNT(*) FROM inbox_update WHERE status = 'DONE' AND chat_id BETWEEN ? AND ?"
                        + " GROUP BY handled_by ORDER BY handled_by")) {
            query.setLong(1, base + 1);
            query.setLong(2, base + chats);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    counts.put(result.getString(1), result.getLong(2));
                }
            }
        }
        return counts;
    }

    private long replies(long base, int chats) {
        long count = 0;
        for (int chat = 1; chat <= chats; chat++) {
            count += fake.currentMessages(base + chat).size();
        }
        return count;
    }

    /** User and system CPU of the running app processes, in ms. */
    private long cpuMillis() throws IOException {
        long millis = 0;
        for (Process process : ports.keySet()) {
            millis += MachineCpu.processMillis(process.pid());
        }
        return millis;
    }

    private String freshDatabase() throws SQLException {
        int slash = jdbcUrl.lastIndexOf('/');
        int query = jdbcUrl.indexOf('?', slash);
        String name = (query < 0 ? jdbcUrl.substring(slash + 1) : jdbcUrl.substring(slash + 1, query)) + "_scale";
        String url = jdbcUrl.substring(0, slash + 1) + name + (query < 0 ? "" : jdbcUrl.substring(query));
        try (Connection connection = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
            statement.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        return url;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(scaleUrl, dbUser, dbPassword);
    }

    private static void report(String title, String... lines) {
        StringBuilder text = new StringBuilder(title).append('\n');
        for (String line : lines) {
            text.append("    ").append(line).append('\n');
        }
        System.out.println("\n=== BENCHMARK " + text);
        try {
            Files.createDirectories(RESULTS.getParent());
            Files.writeString(RESULTS, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
