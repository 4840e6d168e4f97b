package app.backcoach.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * The name an instance's leases carry: {@code pid@host/random}, unique per start and readable in the lease
 * tables. Built without the JVM's management beans, which took 20-30 ms of a start to set up for one name.
 */
final class LeaseHolder {

    /** Within the holder columns' 128 characters, with room for the pid and the random part. */
    private static final int MAX_HOST = 96;

    private LeaseHolder() {
    }

    static String newName() {
        return newName(System.getenv("HOSTNAME"), Path.of("/proc/sys/kernel/hostname"));
    }

    /** The host as a container or Kubernetes sets it, else as the kernel knows it; no name lookup. */
    static String newName(String hostVariable, Path kernelHostname) {
        String host = Optional.ofNullable(hostVariable).map(String::strip).filter(name -> !name.isEmpty())
                .orElseGet(() -> kernelHostname(kernelHostname));
        if (host.length() > MAX_HOST) {
            host = host.substring(0, MAX_HOST);
        }
        return ProcessHandle.current().pid() + "@" + host + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String kernelHostname(Path file) {
        try {
            String name = Files.readString(file).strip();
            return name.isEmpty() ? "unknown" : name;
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
