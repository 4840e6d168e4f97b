package app.backcoach.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where the machine's CPU went over a load, from /proc: the app, the database server (when it runs on this
 * machine), this benchmark's own JVM (the load's client threads, the fake Bot API, the counting relay) and
 * what stayed idle. Throughput with raised limits is bound by all of them together on two cores, so the
 * split says which one a higher figure has to come from.
 */
final class MachineCpu {

    private static final Set<String> DATABASE_SERVERS = Set.of("mariadbd", "mysqld");

    /** CPU so far in ms; the database as -1 when no server process runs here. */
    record Snapshot(long app, long database, long benchmark, long busy, long idle) {
    }

    private MachineCpu() {
    }

    static Snapshot take(long appPid) throws IOException {
        long database = -1;
        for (long pid : databasePids()) {
            database = Math.max(database, 0) + processMillis(pid);
        }
        // cpu user nice system idle iowait irq softirq steal: in clock ticks (1/100 s), all cores together.
        String[] cpu = Files.readString(Path.of("/proc/stat")).lines().findFirst().orElseThrow().trim().split("\\s+");
        long idle = (Long.parseLong(cpu[4]) + Long.parseLong(cpu[5])) * 10;
        long busy = 0;
        for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
            busy += Long.parseLong(cpu[field]) * 10;
        }
        return new Snapshot(processMillis(appPid), database, processMillis(ProcessHandle.current().pid()), busy, idle);
    }

    /** "app 31 %, MariaDB 36 %, benchmark 27 %, rest 2 %, idle 4 %" of all cores over the load. */
    static String split(Snapshot before, Snapshot after) {
        long all = (after.busy() - before.busy()) + (after.idle() - before.idle());
        if (all <= 0) {
            return "no CPU time passed";
        }
        long app = after.app() - before.app();
        long benchmark = after.benchmark() - before.benchmark();
        boolean local = before.database() >= 0 && after.database() >= 0;
        long database = local ? after.database() - before.database() : 0;
        long rest = Math.max(0, (after.busy() - before.busy()) - app - benchmark - database);
        return String.format(Locale.ROOT, "app %d %%, %s, benchmark (load, fake Bot API, relay) %d %%, rest %d %%, idle %d %%",
                percent(app, all), local ? "database server " + percent(database, all) + " %" : "database server not here",
                percent(benchmark, all), percent(rest, all), percent(after.idle() - before.idle(), all));
    }

    /** The database server's CPU per update, "1.92 ms", or why there is none to give. */
    static String databasePerUpdate(Snapshot before, Snapshot after, int updates) {
        if (before.database() < 0 || after.database() < 0) {
            return "not on this machine";
        }
        return String.format(Locale.ROOT, "%.2f ms", (double) (after.database() - before.database()) / updates);
    }

    private static long percent(long part, long all) {
        return Math.round(100.0 * part / all);
    }

    private static List<Long> databasePids() throws IOException {
        try (var processes = Files.list(Path.of("/proc"))) {
            return processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(path -> {
                        try {
                            return DATABASE_SERVERS.contains(Files.readString(path.resolve("comm")).trim());
                        } catch (IOException gone) {
                            return false;
                        }
                    })
                    .map(path -> Long.parseLong(path.getFileName().toString()))
                    .toList();
        }
    }

    /** utime + stime of a process, all its threads; 0 for one that has ended. */
    static long processMillis(long pid) throws IOException {
        long[] times = userAndSystemMillis(pid);
        return times[0] + times[1];
    }

    /** stime alone: in the kernel on the process's behalf (sockets, waking threads, memory). */
    static long processSystemMillis(long pid) throws IOException {
        return userAndSystemMillis(pid)[1];
    }

    private static long[] userAndSystemMillis(long pid) throws IOException {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name; in clock ticks (1/100 s).
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[11]) * 10, Long.parseLong(fields[12]) * 10};
        } catch (java.nio.file.NoSuchFileException gone) {
            return new long[] {0, 0};
        }
    }
}
