package app.backcoach.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * What an operator deploys: the Kubernetes manifests render with `kubectl kustomize`, and every metric
 * the alert rules and the Grafana dashboard ask for is one the running service really exports.
 */
@QuarkusTest
class DeploymentFilesTest {

    private static final Path CONFIG = Path.of("config");
    private static final Pattern METRIC = Pattern.compile("\\bbackcoach_[a-z0-9_]+");

    @Test
    void theManifestsRenderAsReplicasInWebhookModeWithProbesSecretsAndTheCatalogue() throws Exception {
        List<JsonNode> objects = kustomize();
        JsonNode deployment = only(objects, "Deployment");
        JsonNode pod = deployment.at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");

        assertThat(deployment.at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        List<String> envFrom = StreamSupport.stream(container.get("envFrom").spliterator(), false)
                .map(source -> source.has("secretRef") ? "secret:" + source.at("/secretRef/name").asText()
                        : "config:" + source.at("/configMapRef/name").asText())
                .toList();
        assertThat(envFrom).contains("secret:back-coach");
        assertThat(container.toString()).doesNotContain("BOT_TOKEN\",\"value");

        // Generated names carry a content hash; the deployment must point at the generated ones.
        JsonNode settings = named(objects, "ConfigMap", "back-coach-settings");
        assertThat(envFrom).contains("config:" + settings.at("/metadata/name").asText());
        assertThat(settings.at("/data/BOT_MODE").asText()).isEqualTo("webhook");
        JsonNode catalogue = named(objects, "ConfigMap", "back-coach-catalogue");
        assertThat(catalogue.at("/data/exercises.yaml").asText())
                .isEqualTo(Files.readString(CONFIG.resolve("exercises.yaml")));
        assertThat(pod.at("/volumes").toString()).contains(catalogue.at("/metadata/name").asText());
        assertThat(settings.at("/data/CATALOGUE_PATH").asText()).isEqualTo(container.at("/volumeMounts/0/mountPath").asText());

        // Every questionnaire file in config/questionnaires, as it is, in the folder QUESTIONNAIRES_PATH names.
        JsonNode questionnaires = named(objects, "ConfigMap", "back-coach-questionnaires");
        try (java.util.stream.Stream<Path> files = Files.list(CONFIG.resolve("questionnaires"))) {
            List<Path> yaml = files.filter(file -> file.toString().endsWith(".yaml")).toList();
            assertThat(yaml).isNotEmpty();
            for (Path file : yaml) {
                assertThat(questionnaires.at("/data/" + file.getFileName()).asText()).as(file.toString())
                        .isEqualTo(Files.readString(file));
            }
            assertThat(questionnaires.path("data").size()).isEqualTo(yaml.size());
        }
        String volume = null;
        for (JsonNode candidate : pod.at("/volumes")) {
            if (candidate.at("/configMap/name").asText().equals(questionnaires.at("/metadata/name").asText())) {
                volume = candidate.path("name").asText();
            }
        }
        assertThat(volume).as("a volume from the questionnaires ConfigMap").isNotNull();
        String mountedAt = null;
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("name").asText().equals(volume)) {
                mountedAt = mount.path("mountPath").asText();
                assertThat(mount.has("subPath")).as("mounted as a folder").isFalse();
            }
        }
        assertThat(settings.at("/data/QUESTIONNAIRES_PATH").asText()).isEqualTo(mountedAt);

        JsonNode selector = deployment.at("/spec/selector/matchLabels");
        assertThat(only(objects, "Service").at("/spec/selector")).isEqualTo(selector);
        assertThat(only(objects, "PodDisruptionBudget").at("/spec/selector/matchLabels")).isEqualTo(selector);
    }

    @Test
    void everyMetricTheAlertsAndTheDashboardUseIsExported() throws IOException {
        String exported = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Set<String> names = exported.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));

        Set<String> asked = new TreeSet<>();
        JsonNode rules = new YAMLMapper().readTree(CONFIG.resolve("monitoring/alert-rules.yaml").toFile());
        rules.at("/groups/0/rules").forEach(rule -> asked.addAll(metricsIn(rule.get("expr").asText())));
        JsonNode dashboard = new ObjectMapper().readTree(CONFIG.resolve("monitoring/grafana-dashboard.json").toFile());
        dashboard.get("panels").forEach(panel -> panel.get("targets")
                .forEach(target -> asked.addAll(metricsIn(target.get("expr").asText()))));

        assertThat(rules.at("/groups/0/rules").size()).isGreaterThanOrEqualTo(8);
        assertThat(asked).contains("backcoach_outbox_oldest_seconds", "backcoach_telegram_429_total",
                "backcoach_updates_parked_total", "backcoach_leader_epoch", "backcoach_schedule_lag_seconds",
                "backcoach_prompts_delay_seconds_bucket");
        assertThat(names).containsAll(asked);
    }

    private static Set<String> metricsIn(String expression) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = METRIC.matcher(expression);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    /** Renders config/ with `kubectl kustomize` (kubectl is on the development and CI machines). */
    private static List<JsonNode> kustomize() throws Exception {
        Process process = new ProcessBuilder("kubectl", "kustomize", CONFIG.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        List<JsonNode> objects = new ArrayList<>();
        new YAMLMapper().readerFor(JsonNode.class).readValues(new YAMLFactory().createParser(output))
                .forEachRemaining(object -> objects.add((JsonNode) object));
        return objects;
    }

    private static JsonNode only(List<JsonNode> objects, String kind) {
        List<JsonNode> found = objects.stream().filter(object -> kind.equals(object.path("kind").asText())).toList();
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    private static JsonNode named(List<JsonNode> objects, String kind, String prefix) {
        return objects.stream().filter(object -> kind.equals(object.path("kind").asText()))
                .filter(object -> object.at("/metadata/name").asText().startsWith(prefix + "-"))
                .findFirst().orElseThrow(() -> new AssertionError("No " + kind + " " + prefix));
    }
}
