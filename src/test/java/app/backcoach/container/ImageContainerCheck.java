package app.backcoach.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The container image is really built and run (only with -Pcontainer: it takes minutes): the script
 * builds it with the project's Dockerfile, starts it against the local MariaDB, waits for readiness,
 * sends /start through the stand-in Bot API and checks the answer and the non-root user, that the class data
 * archive is used, and that starts with and without it reach their first getUpdates.
 */
class ImageContainerCheck {

    @Test
    void theImageBuildsStartsAndAnswers() throws Exception {
        Process process = new ProcessBuilder("src/test/container/image-check.sh").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.MINUTES)).isTrue();
        System.out.println(output);

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).containsPattern("image-check: OK build=\\d+s size=\\d+MB ready=\\d+ms archived-classes=\\d+ "
                + "uid=[1-9]\\d* start-answered=yes");
        // Times are printed, not judged here (the README keeps them): each of the six starts reached getUpdates.
        assertThat(output).containsPattern("start to the first getUpdates \\(s\\), with the archive: [0-9.]+ [0-9.]+ [0-9.]+; "
                + "without it: [0-9.]+ [0-9.]+ [0-9.]+");
    }
}
