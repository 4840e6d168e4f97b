package app.backcoach.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassArchiveTrainingTest {

    @Test
    void onlyClassesReadFromAJarAreTakenFromTheLogEachOnce() {
        List<String> log = List.of(
                "[0.012s][info][class,load] java.lang.Object source: shared objects file",
                "[0.358s][info][class,load] org.hibernate.mapping.Subclass source: file:/app/lib/main/hibernate-core.jar",
                "[0.359s][info][class,load ] io.quarkus.Generated source: jar:file:/app/quarkus-run.jar!/",
                "[0.360s][info][class,load] java.util.HashMap source: jrt:/java.base",
                "[0.361s][info][class,load] org.mariadb.jdbc.client.DataType$$Lambda$1/0x1 source: org.mariadb.jdbc.client.DataType",
                "[0.362s][info][class,load] app.backcoach.Lambda source: __JVM_LookupDefineClass__",
                "[0.363s][info][class,load] org.hibernate.mapping.Subclass source: file:/app/lib/main/hibernate-core.jar",
                "[0.364s][info][class,init] Start class verification for: org.hibernate.mapping.Subclass");

        assertThat(ClassArchiveTraining.loadedFromJars(log))
                .containsExactly("org.hibernate.mapping.Subclass", "io.quarkus.Generated");
    }

    /** Loads, but fails the verifier once its bytecode is spoilt below: only linking a class verifies it. */
    static class Spoilt {
        int value() {
            return 12345;
        }
    }

    static class Sound {
        int value() {
            return 12345;
        }
    }

    @Test
    void everyLoggedClassIsLinkedNotOnlyLoaded(@TempDir Path dir) throws Exception {
        Path classes = dir.resolve("classes");
        copyClass(Sound.class, classes, false);
        copyClass(Spoilt.class, classes, true);
        Path log = dir.resolve("classes.log");
        Files.write(log, List.of(
                "[0.1s][info][class,load] " + Sound.class.getName() + " source: " + classes.toUri(),
                "[0.2s][info][class,load] " + Spoilt.class.getName() + " source: " + classes.toUri(),
                "[0.3s][info][class,load] app.backcoach.ops.NoSuchClass source: " + classes.toUri()));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            // The spoilt class loads; only the verifier, which runs when it is linked, refuses it.
            assertThat(Class.forName(Spoilt.class.getName(), false, loader)).isNotNull();
            assertThat(ClassArchiveTraining.linkAll(log, loader)).isEqualTo(new ClassArchiveTraining.Linked(1, 2));
        }
    }

    /** The class file as compiled, or with "return 12345" turned into returning null from a method that gives an int. */
    private static void copyClass(Class<?> type, Path root, boolean spoil) throws IOException {
        String file = type.getName().replace('.', '/') + ".class";
        byte[] bytes;
        try (InputStream in = type.getClassLoader().getResourceAsStream(file)) {
            bytes = in.readAllBytes();
        }
        if (spoil) {
            byte[] returnsNumber = {0x11, 0x30, 0x39, (byte) 0xAC}; // sipush 12345; ireturn
            byte[] returnsNull = {0x01, 0x00, 0x00, (byte) 0xAC}; // aconst_null; nop; nop; ireturn
            int at = indexOf(bytes, returnsNumber);
            assertThat(at).as("the method's bytecode").isNotNegative();
            System.arraycopy(returnsNull, 0, bytes, at, returnsNull.length);
        }
        Path target = root.resolve(file);
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }
}
