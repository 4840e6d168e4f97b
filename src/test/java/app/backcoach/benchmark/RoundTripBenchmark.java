package app.backcoach.benchmark;

import app.backcoach.database.EmbeddedMariaDb;
import app.backcoach.privacy.PrivacyPolicy;
import app.backcoach.testing.FakeBotApi;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cost per update (issue 17): the packaged app in its own JVM against the fake Bot API and real MariaDB,
 * driven like people use it. Figures only, no pass/fail; printed and appended to target/benchmark-results.txt.
 *
 * <p>Loads: (e) 25 people each sending /help and waiting for the answer, 1 s between, Telegram's real limits;
 * (f) the same with a button tap that edits a message (a /settings field, two fields alternately);
 * (g, h) both again with 200 people and no pause, the sender's limits raised to 1,000/s. For each: reply
 * latency from the push to the fake's answer, the app process's CPU time per handled update (utime + stime
 * from /proc), every statement the app sent to MariaDB per update (counted on the wire by
 * {@link StatementCountingProxy}), peak RSS (VmHWM). And startup: process start to the first getUpdates.
 * (r) the reference: the loads of (e) and (g) against TelegramBots' own echo bot ({@link EchoBot}, same JVM flags, nothing
 * stored), the yardstick the issue measured the app against, printed with every run because this machine's speed
 * varies by half from one hour or session to the next.
 *
 * <p>Knobs: -Dbench.rounds (each person's updates in (e) and (f), default 40), -Dbench.flood-seconds (20),
 * -Dbench.flood-users (200), -Dbench.jvm-args (the app's JVM flags, default: those the Dockerfile uses),
 * -Dbench.malloc-arena-max (glibc's malloc arenas, default 2 as the Dockerfile sets them; empty: glibc's own),
 * -Dbench.jfr=true (a JFR recording per app run in target/, for {@code jfr print --events jdk.ExecutionSample}),
 * -Dbench.count-statements=false (no relay: latency without its hop; statements then show as none),
 * -Dbench.warmup-seconds (5, an unmeasured flood before (g)), -Dbench.appcds=true (the first app run writes a class data archive at its exit, the second starts from it),
 * -Dbench.jar (the packaged app to run, default target/quarkus-app/quarkus-run.jar), -Dbench.java (the java
 * launcher for the app and the echo bot, default the one on PATH: another JDK's figures beside the stack's own),
 * -Dbench.loads (which of e, f, g, h, r to run, default all: "efghr"), -Dbench.keep-alive=false (the fake closes every connection after its answer, as it did for runs before 2026-12-07;
 * Telegram keeps them open).
 */
class RoundTripBenchmark {

    private static final long BASE = 6_000_000_000L;
    private static final Path RESULTS = Path.of("target", "benchmark-results.txt");
    /** The JVM flags the Dockerfile and README recommend; the default JVM's can be had with -Dbench.jvm-args=. */
    static final String RECOMMENDED_JVM_ARGS = "-XX:+UseSerialGC -Xms32m -XX:TieredStopAtLevel=1 -Xss512k";
    /** glibc's malloc arenas as the Dockerfile sets them; -Dbench.malloc-arena-max= leaves glibc's own (8 per core). */
    static final String RECOMMENDED_MALLOC_ARENA_MAX = "2";
    private static final Set<String> SENDS = Set.of("sendMessage");
    private static final Set<String> EDITS = Set.of("editMessageText");

    private static EmbeddedMariaDb embedded;
    private static String jdbcUrl;
    private static String user;
    private static String password;
    private static String host;
    private static int port;
    private static String database;

    /** Keep-alive as the real Bot API has it; -Dbench.keep-alive=false opens a connection per call, as runs before 2026-12-07 did. */
    private final FakeBotApi fake = Boolean.parseBoolean(System.getProperty("bench.keep-alive", "true"))
            ? new FakeBotApi().keepingConnections() : new FakeBotApi();
    private final Map<Long, BlockingQueue<FakeBotApi.Call>> replies = new ConcurrentHashMap<>();

    @BeforeAll
    static void database() throws SQLException {
        String external = System.getenv("DB_URL");
        if (external != null && !external.isBlank()) {
            Matcher url = Pattern.compile("jdbc:mariadb://([^:/]+)(?::(\\d+))?/([^?]+).*").matcher(external);
            if (!url.matches()) {
                throw new IllegalStateException("DB_URL not understood: " + external);
            }
            host = url.group(1);
            port = url.group(2) == null ? 3306 : Integer.parseInt(url.group(2));
            // A database of its own: the app must be the only instance on it (it takes the lead), and start empty.
            database = url.group(3) + "_rt";
            user = System.getenv().getOrDefault("DB_USER", "root");
            password = System.getenv().getOrDefault("DB_PASSWORD", "");
            try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + host + ":" + port + "/",
                    user, password); Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS `" + database + "`");
                statement.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
        } else {
            database = "backcoach_rt";
            embedded = EmbeddedMariaDb.start(Path.of("target", "embedded-mariadb"), database, true);
            host = "127.0.0.1";
            port = embedded.port();
            user = EmbeddedMariaDb.USER;
            password = embedded.password();
        }
        jdbcUrl = "jdbc:mariadb://" + host + ":" + port + "/" + database;
    }

    @AfterAll
    static void stopDatabase() {
        if (embedded != null) {
            embedded.close();
        }
    }

    @Test
    void costPerUpdate() throws Exception {
        // -Dbench.jar: another packaging of the same code, the image's one jar say (README, "Deploy with Docker").
        Path jar = Path.of(System.getProperty("bench.jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString()));
        if (!Files.exists(jar)) {
            report("(e–h) cost per update", "skipped: build the app first (./mvnw -B verify -Pbenchmark does)");
            return;
        }
        fake.start();
        fake.onCall(call -> {
            if (call.succeeded() && call.chatId() != null) {
                BlockingQueue<FakeBotApi.Call> queue = replies.get(call.chatId());
                if (queue != null) {
                    queue.add(call);
                }
            }
        });
        String loads = System.getProperty("bench.loads", "efghr");
        try (StatementCountingProxy proxy = new StatementCountingProxy(host, port)) {
            if (loads.contains("e") || loads.contains("f")) {
                paced(jar, proxy, loads);
            }
            if (loads.contains("g") || loads.contains("h")) {
                flooded(jar, proxy, loads);
            }
            if (loads.contains("r")) {
                reference(proxy);
            }
        } finally {
            fake.stop();
        }
    }

    /** (e) and (f): one app with Telegram's limits. */
    private void paced(Path jar, StatementCountingProxy proxy, String loads) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 40);
        try (App app = App.start(jar, fake, proxy, Map.of(), "limits")) {
            people(25);
            // A freshly started JVM compiles as it goes: a few unmeasured rounds of each first, as before (g).
            int warmup = Integer.getInteger("bench.paced-warmup-rounds", 5);
            if (warmup > 0) {
                paced(25, warmup, false);
                paced(25, warmup, true);
            }
            if (loads.contains("e")) {
                measure(app, proxy, "(e) /help round trip, 25 people, 1 s between, Telegram's limits",
                        () -> paced(25, rounds, false));
            }
            if (loads.contains("f")) {
                measure(app, proxy, "(f) button tap that edits a message (/settings field), 25 people, 1 s between",
                        () -> paced(25, rounds, true));
            }
        }
    }

    /** (g) and (h): one app with the sender's limits raised, so handling is what is measured. */
    private void flooded(Path jar, StatementCountingProxy proxy, String loads) throws Exception {
        int floodUsers = Integer.getInteger("bench.flood-users", 200);
        int floodSeconds = Integer.getInteger("bench.flood-seconds", 20);
        try (App app = App.start(jar, fake, proxy, Map.of("SENDER_GLOBAL_PER_SECOND", "1000",
                "SENDER_PER_CHAT_PER_SECOND", "1000"), "raised")) {
            people(floodUsers);
            // A freshly started JVM compiles as it goes: a short unmeasured run first, as (e) was for (f).
            flood(floodUsers, Integer.getInteger("bench.warmup-seconds", 5), false);
            if (loads.contains("g")) {
                measure(app, proxy, "(g) /help round trip, " + floodUsers + " people without pause, limits 1,000/s",
                        () -> flood(floodUsers, floodSeconds, false));
            }
            if (loads.contains("h")) {
                measure(app, proxy, "(h) button tap that edits, " + floodUsers + " people without pause, limits 1,000/s",
                        () -> flood(floodUsers, floodSeconds, true));
            }
        }
    }

    /** What one load did: reply latencies in ms and how long it ran. */
    private record Load(List<Long> latencies, double seconds) {
    }

    private interface LoadRun {
        Load run() throws Exception;
    }

    /** (r): the loads of (e) and (g), each after its warm-up, against the echo bot. */
    private void reference(StatementCountingProxy proxy) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 40);
        int floodUsers = Integer.getInteger("bench.flood-users", 200);
        int floodSeconds = Integer.getInteger("bench.flood-seconds", 20);
        try (App bot = App.echoBot(fake)) {
            paced(25, Integer.getInteger("bench.paced-warmup-rounds", 5), false);
            measure(bot, proxy, "(r) reference: TelegramBots' echo bot (nothing stored), /help from 25 people, 1 s between",
                    () -> paced(25, rounds, false));
            flood(floodUsers, Integer.getInteger("bench.warmup-seconds", 5), false);
            measure(bot, proxy, "(r) reference: TelegramBots' echo bot (nothing stored), /help from " + floodUsers
                    + " people without pause", () -> flood(floodUsers, floodSeconds, false));
        }
    }

    private void measure(App app, StatementCountingProxy proxy, String title, LoadRun load) throws Exception {
        String loadBefore = uptime();
        Map<String, Long> statementsBefore = proxy.snapshot();
        long cpuBefore = app.cpuMillis();
        long systemBefore = app.systemMillis();
        Map<String, Long> groupsBefore = app.cpuByThreadGroup();
        Map<String, Long> serverBefore = ServerWork.take(jdbcUrl, user, password);
        MachineCpu.Snapshot machineBefore = MachineCpu.take(app.pid());
        Load result = load.run();
        MachineCpu.Snapshot machineAfter = MachineCpu.take(app.pid());
        Map<String, Long> serverAfter = ServerWork.take(jdbcUrl, user, password);
        long cpu = app.cpuMillis() - cpuBefore;
        long system = app.systemMillis() - systemBefore;
        Map<String, Long> groups = difference(app.cpuByThreadGroup(), groupsBefore);
        Map<String, Long> statements = difference(proxy.snapshot(), statementsBefore);
        String loadAfter = uptime();
        List<Long> sorted = result.latencies().stream().sorted().toList();
        int updates = sorted.size();
        long total = statements.values().stream().mapToLong(Long::longValue).sum();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%d updates answered in %.1f s: %.0f updates/s", updates,
                result.seconds(), updates / result.seconds()));
        lines.add(String.format(Locale.ROOT, "latency p50 %d ms, p95 %d ms, p99 %d ms, max %d ms (load average %s → %s)",
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted.get(updates - 1),
                loadBefore, loadAfter));
        lines.add(String.format(Locale.ROOT, "app CPU %.2f ms per update (%d ms over the load; %.2f of it in the kernel);"
                        + " peak RSS %d MB", (double) cpu / updates, cpu, (double) system / updates, app.peakRssKb() / 1024));
        // "other/<thread>" keys name the threads outside the groups: summed for the line, the largest listed after it.
        Map<String, Long> named = new TreeMap<>();
        groups.forEach((group, ms) -> named.merge(group.startsWith("other/") ? "other" : group, ms, Long::sum));
        lines.add("  by threads (ms per update): " + named.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(entry -> String.format(Locale.ROOT, "%s %.2f", entry.getKey(), (double) entry.getValue() / updates))
                .collect(java.util.stream.Collectors.joining(", ")));
        lines.add("  other, by thread: " + groups.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("other/") && entry.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                .map(entry -> String.format(Locale.ROOT, "%s %.2f", entry.getKey().substring(6),
                        (double) entry.getValue() / updates))
                .collect(java.util.stream.Collectors.joining(", ")));
        lines.add("machine over the load (all cores = 100 %): " + MachineCpu.split(machineBefore, machineAfter));
        lines.add("database server per update: CPU " + MachineCpu.databasePerUpdate(machineBefore, machineAfter, updates)
                + "; " + ServerWork.perUpdate(serverBefore, serverAfter, updates));
        lines.add(String.format(Locale.ROOT, "database statements %.2f per update (%d), by kind (per update):",
                (double) total / updates, total));
        statements.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> lines.add(String.format(Locale.ROOT, "  %6.2f  %s",
                        (double) entry.getValue() / updates, entry.getKey())));
        report(title, lines.toArray(String[]::new));
    }

    /** Each person: an update, its answer, a second's pause, again; all start together, as in the issue. */
    private Load paced(int people, int rounds, boolean taps) throws Exception {
        Map<Long, Long> menus = taps ? openMenus(people) : Map.of();
        if (taps) {
            // The 25 menus went out together: their second must pass, or the first taps' edits queue behind them
            // for Telegram's 30 a second (that was the whole p99 of (f), about 0.9 s, in the first runs).
            Thread.sleep(1000);
        }
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Instant start = Instant.now();
        run(people, chat -> {
            for (int round = 0; round < rounds; round++) {
                latencies.add(taps ? tap(chat, menus.get(chat), round) : help(chat));
                Thread.sleep(1000);
            }
        });
        // The last pause is no work: count the time up to the last answer.
        return new Load(latencies, Duration.between(start, Instant.now()).toMillis() / 1000.0 - 1);
    }

    /** Each person: an update, its answer, the next at once, until the time is up. */
    private Load flood(int people, int seconds, boolean taps) throws Exception {
        Map<Long, Long> menus = taps ? openMenus(people) : Map.of();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong lastAnswer = new AtomicLong(start);
        run(people, chat -> {
            for (int round = 0; System.nanoTime() < deadline; round++) {
                latencies.add(taps ? tap(chat, menus.get(chat), round) : help(chat));
                lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
            }
        });
        return new Load(latencies, (lastAnswer.get() - start) / 1e9);
    }

    /** Sends /settings to each person (not measured) and returns the menu's message id per chat. */
    private Map<Long, Long> openMenus(int people) throws Exception {
        Map<Long, Long> menus = new ConcurrentHashMap<>();
        run(people, chat -> {
            FakeBotApi.Call sent = roundTrip(chat, () -> fake.pushText(chat, "/settings"), SENDS);
            List<com.fasterxml.jackson.databind.JsonNode> messages = fake.currentMessages(chat);
            menus.put(chat, messages.get(messages.size() - 1).path("message_id").asLong());
            if (sent == null) {
                throw new AssertionError("no menu in chat " + chat);
            }
        });
        return menus;
    }

    private long help(long chat) throws InterruptedException {
        Instant pushed = Instant.now();
        FakeBotApi.Call reply = roundTrip(chat, () -> fake.pushText(chat, "/help"), SENDS);
        return Duration.between(pushed, reply.at()).toMillis();
    }

    /** Two fields in turn, so every tap changes the message (an unchanged one is not sent at all). */
    private long tap(long chat, long menu, int round) throws InterruptedException {
        String data = round % 2 == 0 ? "set:phase" : "set:equipment";
        Instant pushed = Instant.now();
        FakeBotApi.Call reply = roundTrip(chat, () -> fake.pushCallback(chat, menu, data), EDITS);
        return Duration.between(pushed, reply.at()).toMillis();
    }

    private FakeBotApi.Call roundTrip(long chat, Runnable push, Set<String> methods) throws InterruptedException {
        BlockingQueue<FakeBotApi.Call> queue = replies.computeIfAbsent(chat, id -> new LinkedBlockingQueue<>());
        queue.clear();
        push.run();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            FakeBotApi.Call call = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (call == null) {
                throw new AssertionError("No answer in chat " + chat + " within 60 s");
            }
            if (methods.contains(call.method())) {
                return call;
            }
        }
    }

    private interface PersonRun {
        void run(long chat) throws Exception;
    }

    private static void run(int people, PersonRun each) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(people);
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (int i = 1; i <= people; i++) {
            long chat = BASE + i;
            running.add(pool.submit(() -> {
                each.run(chat);
                return null;
            }));
        }
        pool.shutdown();
        for (java.util.concurrent.Future<?> person : running) {
            person.get(30, TimeUnit.MINUTES);
        }
    }

    /** People who can be coached (consent, a clear screen, a profile), made in bulk; existing ones are kept. */
    private static void people(int count) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        String seq = " FROM seq_1_to_" + count;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement()) {
            String at = "'" + now + "'";
            statement.execute("INSERT IGNORE INTO bot_user (telegram_user_id, language_code, first_seen_at, last_seen_at)"
                    + " SELECT " + BASE + " + seq, 'en', " + at + ", " + at + seq);
            statement.execute("INSERT IGNORE INTO consent_record (telegram_user_id, policy_version, decision, decided_at)"
                    + " SELECT " + BASE + " + seq, '" + PrivacyPolicy.VERSION + "', 'GIVEN', " + at + seq
                    + " WHERE NOT EXISTS (SELECT 1 FROM consent_record c WHERE c.telegram_user_id = " + BASE + " + seq)");
            statement.execute("INSERT IGNORE INTO safety_screen (telegram_user_id, outcome, answers, screened_at)"
                    + " SELECT " + BASE + " + seq, 'CLEAR', '{}', " + at + seq
                    + " WHERE NOT EXISTS (SELECT 1 FROM safety_screen s WHERE s.telegram_user_id = " + BASE + " + seq)");
            statement.execute("INSERT IGNORE INTO user_profile (telegram_user_id, time_zone, checkin_time, work_days,"
                    + " work_start, work_end, reminder_minutes, quiet_start, quiet_end, phase, equipment, session_minutes,"
                    + " updated_at) SELECT " + BASE + " + seq, 'UTC', '07:30', 'mon-fri', '09:00', '17:00', 0, '22:00',"
                    + " '07:00', 'recovering', 'none', 10, " + at + seq);
        }
    }

    /** The app as operators run it: the packaged jar in its own JVM, its database reached through the proxy. */
    private static final class App implements AutoCloseable {

        private final Process process;
        /** Process start → the first getUpdates at the fake, and → when this side saw it, in seconds. */
        private double startup;
        private double noticed;

        private App(Process process) {
            this.process = process;
        }

        /** The reference bot, with the app's JVM flags, on this test's class path. */
        static App echoBot(FakeBotApi fake) throws Exception {
            List<String> command = javaCommand();
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), EchoBot.class.getName(),
                    fake.baseUrl(), FakeBotApi.TOKEN));
            ProcessBuilder builder = new ProcessBuilder(command);
            mallocArenas(builder);
            return launch(builder, fake, Path.of("target", "benchmark-echo-bot.log"));
        }

        /** MALLOC_ARENA_MAX as -Dbench.malloc-arena-max says (not inherited from whoever runs the benchmark). */
        private static String mallocArenas(ProcessBuilder builder) {
            String arenas = System.getProperty("bench.malloc-arena-max", RECOMMENDED_MALLOC_ARENA_MAX).trim();
            if (arenas.isEmpty()) {
                builder.environment().remove("MALLOC_ARENA_MAX");
                return "glibc's default";
            }
            builder.environment().put("MALLOC_ARENA_MAX", arenas);
            return arenas;
        }

        /** The java launcher: -Dbench.java, or the one on PATH (also when the property is empty). */
        private static String java() {
            String launcher = System.getProperty("bench.java", "").trim();
            return launcher.isEmpty() ? "java" : launcher;
        }

        /** The launcher and the JVM flags every process of the benchmark starts with; the caller adds the rest. */
        private static List<String> javaCommand() {
            List<String> command = new ArrayList<>(List.of(java()));
            command.addAll(jvmFlags());
            return command;
        }

        /** The app's JVM flags: -Dbench.jvm-args, or the recommended ones. */
        private static List<String> jvmFlags() {
            String flags = System.getProperty("bench.jvm-args", RECOMMENDED_JVM_ARGS);
            return Arrays.stream(flags.trim().split("\\s+")).filter(flag -> !flag.isEmpty()).toList();
        }

        /** Starts the process, its output to {@code log}, and returns once it has polled the fake. */
        private static App launch(ProcessBuilder builder, FakeBotApi fake, Path log) throws Exception {
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            int pollsBefore = fake.getUpdatesCalls().size();
            long began = System.nanoTime();
            Instant startedAt = Instant.now();
            Process process = builder.start();
            App app = new App(process);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (fake.getUpdatesCalls().size() == pollsBefore) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    app.close();
                    throw new IllegalStateException("It did not poll; see " + log);
                }
                Thread.sleep(5);
            }
            app.startup = Duration.between(startedAt, fake.getUpdatesCalls().get(pollsBefore).at()).toMillis() / 1000.0;
            app.noticed = (System.nanoTime() - began) / 1e9;
            return app;
        }

        static App start(Path jar, FakeBotApi fake, StatementCountingProxy proxy, Map<String, String> env,
                         String label) throws Exception {
            List<String> command = javaCommand();
            if (Boolean.getBoolean("bench.appcds")) {
                // Class data sharing for the app's classes (JDK 17: written at the first run's exit, used by the next).
                Path archive = Path.of("target", "benchmark-app.jsa");
                if (Files.exists(archive) && !label.equals("limits")) {
                    command.add("-XX:SharedArchiveFile=" + archive);
                } else {
                    // With its class-load log the app links what it loaded before the JVM writes the archive.
                    Path classLog = Path.of("target", "benchmark-app-classes.log");
                    command.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive,
                            "-Xlog:class+load=info:file=" + classLog, "-Dappcds.training-class-log=" + classLog));
                }
            }
            if (Boolean.getBoolean("bench.jfr")) {
                command.add("-XX:StartFlightRecording=filename=target/bench-" + label + ".jfr,settings=profile");
            }
            command.addAll(List.of("-jar", jar.toString()));
            int httpPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                httpPort = socket.getLocalPort();
            }
            ProcessBuilder builder = new ProcessBuilder(command);
            Map<String, String> environment = new HashMap<>(Map.of("BOT_TOKEN", FakeBotApi.TOKEN,
                    "BOT_API_URL", fake.baseUrl(),
                    // Without counting (-Dbench.count-statements=false) the app talks to MariaDB directly: under heavy
                    // machine load the relay's own threads add to every round trip's latency.
                    "DB_URL", Boolean.parseBoolean(System.getProperty("bench.count-statements", "true"))
                            ? "jdbc:mariadb://127.0.0.1:" + proxy.port() + "/" + database : jdbcUrl,
                    "DB_USER", user, "DB_PASSWORD", password, "QUARKUS_HTTP_PORT", String.valueOf(httpPort),
                    // Nothing is due for these people; a tick would only add its own statements to theirs.
                    "SCHEDULE_TICK", "off"));
            environment.putAll(env);
            builder.environment().putAll(environment);
            String arenas = mallocArenas(builder);
            App app = launch(builder, fake, Path.of("target", "benchmark-app-" + label + ".log"));
            report("(e) startup to the first getUpdates, " + label + (label.equals("limits")
                            ? " (an empty database: Flyway creates the schema)" : " (the schema in place)"),
                    String.format(Locale.ROOT, "%.2f s from process start (%s, external MariaDB, %s, JVM flags: %s; MALLOC_ARENA_MAX %s; load average %s;"
                                    + " %.2f s until noticed; fake Bot API %s)", app.startup, jar.getFileName(),
                            "launcher " + java(),
                            String.join(" ", command.subList(1, command.size() - 2)).replaceAll("^$", "default"), arenas, uptime(),
                            app.noticed,
                            Boolean.parseBoolean(System.getProperty("bench.keep-alive", "true"))
                                    ? "keeps connections open" : "closes every connection"));
            return app;
        }

        long pid() {
            return process.pid();
        }

        long cpuMillis() throws IOException {
            return MachineCpu.processMillis(process.pid());
        }

        /** In the kernel on its behalf (stime): sockets, waking threads, memory. */
        long systemMillis() throws IOException {
            return MachineCpu.processSystemMillis(process.pid());
        }

        /**
         * CPU ms so far by what the threads do, from each thread's utime + stime: the JIT compiler and the
         * JVM's own work (GC runs on the VM thread with the serial collector) apart from the app's threads.
         */
        Map<String, Long> cpuByThreadGroup() throws IOException {
            Map<String, Long> groups = new TreeMap<>();
            try (var tasks = Files.list(Path.of("/proc", String.valueOf(process.pid()), "task"))) {
                for (Path task : tasks.toList()) {
                    String stat;
                    try {
                        stat = Files.readString(task.resolve("stat"));
                    } catch (IOException ended) {
                        continue; // the thread ended meanwhile
                    }
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
                    groups.merge(threadGroup(name), cpu, Long::sum);
                }
            }
            return groups;
        }

        private static String threadGroup(String thread) {
            if (thread.startsWith("C1 Compiler") || thread.startsWith("C2 Compiler")) {
                return "JIT compiler";
            }
            if (thread.startsWith("VM ") || thread.startsWith("GC ") || thread.startsWith("G1 ")) {
                return "GC and VM";
            }
            if (thread.startsWith("intake")) {
                return "handling (intake)";
            }
            if (thread.startsWith("outbox") || thread.startsWith("OkHttp")) {
                return "sending (outbox, HTTP)";
            }
            if (thread.startsWith("telegram-pol")) {
                return "polling";
            }
            return "other/" + thread.replaceAll("[0-9]+", "#");
        }

        long peakRssKb() throws IOException {
            return Files.readString(Path.of("/proc", String.valueOf(process.pid()), "status")).lines()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(-1);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            // Generous: writing a class data archive at exit (-Dbench.appcds) takes a while on a crowded machine.
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> difference = new HashMap<>();
        after.forEach((kind, count) -> {
            long delta = count - before.getOrDefault(kind, 0L);
            if (delta > 0) {
                difference.put(kind, delta);
            }
        });
        return difference;
    }

    private static String uptime() {
        try {
            String[] loads = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return loads[0] + " " + loads[1] + " " + loads[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static synchronized void report(String title, String... lines) {
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
