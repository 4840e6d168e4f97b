package app.backcoach.benchmark;

import static org.awaitility.Awaitility.await;

import app.backcoach.schedule.Scheduler;
import app.backcoach.testing.FakeBotApi;
import app.backcoach.sender.SenderConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Figures, not pass/fail: the service against the fake Bot API and real MariaDB, with Telegram's
 * real sending limits. Run with {@code ./mvnw -B verify -Pbenchmark}; results are printed and
 * appended to target/benchmark-results.txt. Sizes: -Dbench.users (check-ins, default 30),
 * -Dbench.fanout (default 10000), -Dbench.scan (default 1000000).
 */
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceBenchmark {

    private static final long CHECKIN_BASE = 7_000_000_000L;
    private static final long FANOUT_BASE = 8_000_000_000L;
    private static final long SCAN_BASE = 9_000_000_000L;
    private static final Path RESULTS = Path.of("target", "benchmark-results.txt");

    private final FakeBotApi fake = FakeBotApi.instance();

    @Inject
    EntityManager entityManager;

    @Inject
    Scheduler scheduler;

    @Inject
    SenderConfig sender;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;

    @Test
    @Order(1)
    void checkInReplyLatency() throws InterruptedException {
        int users = Integer.getInteger("bench.users", 30);
        long think = Long.getLong("bench.think-ms", 1000);
        people(CHECKIN_BASE, users, false);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(users);
        Instant start = Instant.now();
        for (int i = 1; i <= users; i++) {
            long chat = CHECKIN_BASE + i;
            pool.submit(() -> checkIn(chat, think, latencies));
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        List<Long> sorted = latencies.stream().sorted().toList();
        report("(a) check-in reply latency",
                String.format(Locale.ROOT, "%d users × 6 updates, %d ms think time between taps, per chat %.0f/s"
                                + " (burst %d), global %.0f/s", users, think, sender.perChatPerSecond(),
                        sender.perChatBurst(), sender.globalPerSecond()),
                String.format(Locale.ROOT, "replies %d, p50 %d ms, p95 %d ms, p99 %d ms, max %d ms", sorted.size(),
                        percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                        sorted.get(sorted.size() - 1)),
                String.format(Locale.ROOT, "%.1f updates/s handled over %.1f s", sorted.size() / seconds, seconds));
    }

    @Test
    @Order(2)
    void morningFanOut() {
        int users = Integer.getInteger("bench.fanout", 10_000);
        Instant created = Instant.now();
        people(FANOUT_BASE, users, true);
        double setup = Duration.between(created, Instant.now()).toMillis() / 1000.0;
        Instant start = Instant.now();
        int ran = scheduler.runDue();
        double enqueue = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> sends(FANOUT_BASE, users).size() >= users);
        List<FakeBotApi.Call> sends = sends(FANOUT_BASE, users);
        Instant first = sends.stream().map(FakeBotApi.Call::at).min(Instant::compareTo).orElseThrow();
        Instant last = sends.stream().map(FakeBotApi.Call::at).max(Instant::compareTo).orElseThrow();
        double seconds = Duration.between(first, last).toMillis() / 1000.0;
        long refused = fake.calls().stream().filter(call -> call.httpStatus() == 429).count();
        Map<Long, Long> perChat = sends.stream().collect(Collectors.groupingBy(FakeBotApi.Call::chatId,
                Collectors.counting()));
        long doubled = perChat.values().stream().filter(count -> count > 1).count();
        report("(b) morning fan-out",
                String.format(Locale.ROOT, "%d users due at once (set up in %.1f s); global limit %.0f/s",
                        users, setup, sender.globalPerSecond()),
                String.format(Locale.ROOT, "scheduler queued %d prompts in %.1f s", ran, enqueue),
                String.format(Locale.ROOT, "sent %d in %.1f s: %.1f messages/s (limit %.0f/s);"
                                + " busiest second %d messages", sends.size(), seconds, (sends.size() - 1) / seconds,
                        sender.globalPerSecond(), fake.maxSendsInWindowAllChats(Duration.ofSeconds(1))),
                String.format(Locale.ROOT, "429 answers %d, chats with more than one prompt %d, per-chat violations %d",
                        refused, doubled, fake.violations().size()),
                String.format(Locale.ROOT, "so 100,000 due users take about %.0f min at this limit",
                        100_000 / sender.globalPerSecond() / 60));
    }

    @Test
    @Order(3)
    void dueScanWithAMillionUsers() {
        int rows = Integer.getInteger("bench.scan", 1_000_000);
        Instant start = Instant.now();
        QuarkusTransaction.requiringNew().timeout(1800).run(() -> entityManager.createNativeQuery(
                        "INSERT INTO scheduled_job (telegram_user_id, kind, due_at, local_date, updated_at)"
                                + " SELECT ?1 + seq, 'REMINDER', TIMESTAMPADD(SECOND, seq MOD 86400, ?2), ?3, ?2"
                                + " FROM seq_1_to_" + rows)
                .setParameter(1, SCAN_BASE).setParameter(2, clock.instant().minusSeconds(43_200))
                .setParameter(3, java.time.LocalDate.now(clock)).executeUpdate());
        double insert = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        List<Long> timings = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long began = System.nanoTime();
            QuarkusTransaction.requiringNew().run(() -> scheduler.claim(clock.instant()));
            timings.add((System.nanoTime() - began) / 1_000_000);
            // Let the claims go again, so every run scans the same table (not timed).
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "UPDATE scheduled_job SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by IS NOT NULL"
                            + " AND telegram_user_id > ?1").setParameter(1, SCAN_BASE).executeUpdate());
        }
        long due = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT COUNT(*) FROM scheduled_job WHERE due_at <= ?1").setParameter(1, clock.instant())
                .getSingleResult()).longValue());
        QuarkusTransaction.requiringNew().timeout(1800).run(() -> entityManager.createNativeQuery(
                "DELETE FROM scheduled_job WHERE telegram_user_id > ?1").setParameter(1, SCAN_BASE).executeUpdate());
        List<Long> sorted = timings.stream().sorted().toList();
        report("(c) due-scan",
                String.format(Locale.ROOT, "%,d scheduled jobs (inserted in %.1f s), %,d of them due now", rows,
                        insert, due),
                String.format(Locale.ROOT, "claiming a batch of 500 (SELECT … FOR UPDATE SKIP LOCKED + lease):"
                        + " median %d ms, max %d ms over %d runs", sorted.get(sorted.size() / 2),
                        sorted.get(sorted.size() - 1), sorted.size()));
    }

    @Test
    @Order(4)
    void startupAndIdleMemoryOfThePackagedApp() throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        if (!Files.exists(jar)) {
            report("(d) startup and idle memory", "skipped: build the app first (./mvnw -B verify -Pbenchmark does)");
            return;
        }
        FakeBotApi ownFake = new FakeBotApi();
        ownFake.start();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", jar.toString()).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "benchmark-app.log").toFile());
        builder.environment().putAll(Map.of("BOT_TOKEN", FakeBotApi.TOKEN, "BOT_API_URL", ownFake.baseUrl(),
                "DB_URL", jdbcUrl, "DB_USER", dbUser, "QUARKUS_HTTP_PORT", String.valueOf(port),
                "SCHEDULE_TICK", "off"));
        long began = System.nanoTime();
        Process app = builder.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).ignoreExceptions().until(() ->
                    http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 200);
            double startup = (System.nanoTime() - began) / 1e9;
            Thread.sleep(15_000);
            String status = Files.readString(Path.of("/proc", String.valueOf(app.pid()), "status"));
            long rssKb = status.lines().filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(-1);
            String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            double heap = metrics.lines().filter(line -> line.startsWith("jvm_memory_used_bytes")
                            && line.contains("area=\"heap\""))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
            report("(d) startup and idle memory",
                    "packaged jar, external MariaDB, polling mode, default JVM flags",
                    String.format(Locale.ROOT, "ready after %.1f s (process start to /q/health/ready 200)", startup),
                    String.format(Locale.ROOT, "after 15 s idle: %d MB resident, %.0f MB heap used", rssKb / 1024,
                            heap / 1024 / 1024));
        } finally {
            app.destroy();
            app.waitFor(30, TimeUnit.SECONDS);
            ownFake.stop();
        }
    }

    /** One person's check-in as fast as a person taps: each reply's latency from the update's push. */
    private void checkIn(long chat, long think, List<Long> latencies) {
        try {
            latencies.add(roundTrip(chat, () -> fake.pushText(chat, "/checkin")));
            long message = fake.currentMessages(chat).get(0).path("message_id").asLong();
            for (String data : List.of("dlg:ci.pain.2", "dlg:ci.stiffness.lt15", "dlg:ci.confidence.4",
                    "dlg:ci.sleep.good", "dlg:ci.daytype.desk")) {
                Thread.sleep(think);
                latencies.add(roundTrip(chat, () -> fake.pushCallback(chat, message, data)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long roundTrip(long chat, Runnable push) throws InterruptedException {
        Instant pushed = Instant.now();
        push.run();
        FakeBotApi.Call reply = fake.awaitCallTo(chat, pushed, java.util.Set.of("sendMessage", "editMessageText"),
                Duration.ofMinutes(5)).orElseThrow(() -> new AssertionError("No reply in chat " + chat));
        return Duration.between(pushed, reply.at()).toMillis();
    }

    private List<FakeBotApi.Call> sends(long base, int users) {
        return fake.calls("sendMessage").stream()
                .filter(call -> call.succeeded() && call.chatId() != null && call.chatId() > base
                        && call.chatId() <= base + users)
                .toList();
    }

    /** People who can be coached (consent, a clear screen, a profile), made in bulk with SQL. */
    private void people(long base, int count, boolean morningDueNow) {
        Instant now = clock.instant();
        String seq = " FROM seq_1_to_" + count;
        QuarkusTransaction.requiringNew().timeout(1800).run(() -> {
            sql("INSERT INTO bot_user (telegram_user_id, language_code, first_seen_at, last_seen_at)"
                    + " SELECT ?1 + seq, 'en', ?2, ?2" + seq, base, now);
            sql("INSERT INTO consent_record (telegram_user_id, policy_version, decision, decided_at)"
                    + " SELECT ?1 + seq, '" + app.backcoach.privacy.PrivacyPolicy.VERSION + "', 'GIVEN', ?2" + seq,
                    base, now);
            sql("INSERT INTO safety_screen (telegram_user_id, outcome, answers, screened_at)"
                    + " SELECT ?1 + seq, 'CLEAR', '{}', ?2" + seq, base, now);
            sql("INSERT INTO user_profile (telegram_user_id, time_zone, checkin_time, work_days, work_start, work_end,"
                    + " reminder_minutes, quiet_start, quiet_end, phase, equipment, session_minutes, updated_at)"
                    + " SELECT ?1 + seq, 'UTC', '07:30', 'mon-fri', '09:00', '17:00', 0, '22:00', '07:00',"
                    + " 'recovering', 'none', 10, ?2" + seq, base, now);
            if (morningDueNow) {
                sql("INSERT INTO scheduled_job (telegram_user_id, kind, due_at, local_date, updated_at)"
                        + " SELECT ?1 + seq, 'MORNING', ?2, ?3, ?2" + seq, base, now.minusSeconds(30),
                        java.time.LocalDate.now(clock));
            }
        });
    }

    private void sql(String statement, Object... parameters) {
        var query = entityManager.createNativeQuery(statement);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        query.executeUpdate();
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
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
