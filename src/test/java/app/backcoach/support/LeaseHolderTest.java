package app.backcoach.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaseHolderTest {

    @TempDir
    Path folder;

    @Test
    void namesThePidAndTheHostFromTheEnvironmentFirst() throws Exception {
        Path kernel = Files.writeString(folder.resolve("hostname"), "kernel-host\n");

        String name = LeaseHolder.newName("back-coach-7f9c", kernel);

        assertThat(name).matches(ProcessHandle.current().pid() + "@back-coach-7f9c/[0-9a-f]{8}");
    }

    @Test
    void fallsBackToTheKernelsHostnameThenToUnknown() throws Exception {
        Path kernel = Files.writeString(folder.resolve("hostname"), "kernel-host\n");

        assertThat(LeaseHolder.newName("  ", kernel)).contains("@kernel-host/");
        assertThat(LeaseHolder.newName(null, folder.resolve("missing"))).contains("@unknown/");
    }

    @Test
    void isNewEveryStartAndFitsTheHolderColumns() {
        String longHost = "h".repeat(300);

        String first = LeaseHolder.newName(longHost, folder.resolve("missing"));
        String second = LeaseHolder.newName(longHost, folder.resolve("missing"));

        assertThat(first).isNotEqualTo(second).hasSizeLessThanOrEqualTo(128);
    }
}
