package io.casework.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes and Compose manifests cannot run here (no cluster, no Docker), so this checks that they
 * parse and agree with the code: images that a service module builds, the ports the services listen on,
 * health paths that exist, and the same routes as the nginx gateway.
 */
class DeployManifestsTest {

    static final Map<String, Integer> SERVICES = Map.of("case-service", 8081, "sla-service", 8082,
            "notification-service", 8083, "status-service", 8084);
    /** Serves the merged OpenAPI document and Swagger UI (deploy/gateway's build output) in the cluster. */
    static final Map<String, Integer> DOCS_BACKEND = Map.of("api-docs", 8080);
    static final List<String> DOCS_PATHS = List.of("/api/v1/openapi.json", "/api/v1/openapi.yaml", "/api/docs");
    static final Set<String> HEALTH_PATHS = Set.of("/q/health/started", "/q/health/ready", "/q/health/live");

    final Path root = EventContract.eventsDirectory().getParent().getParent();

    @Test
    void kustomizationListsExistingFiles() throws IOException {
        Map<String, Object> kustomization = yaml(root.resolve("deploy/k8s/kustomization.yaml")).getFirst();
        for (Object resource : (List<?>) kustomization.get("resources")) {
            assertTrue(Files.exists(root.resolve("deploy/k8s").resolve(resource.toString())), "missing " + resource);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void deploymentsRunTheServicesImagesOnTheirPortsWithRealProbes() throws IOException {
        for (var service : SERVICES.entrySet()) {
            String name = service.getKey();
            int port = service.getValue();
            assertEquals(port, configuredPort(name), name + " listens on another port than the manifests say");
            assertTrue(Files.exists(root.resolve(name + "/src/main/docker/Dockerfile.jvm")), name + " builds no image");
            List<Map<String, Object>> docs = yaml(root.resolve("deploy/k8s/" + name + ".yaml"));
            Map<String, Object> deployment = docs.stream().filter(d -> "Deployment".equals(d.get("kind"))).findFirst().orElseThrow();
            Map<String, Object> container = ((List<Map<String, Object>>) at(deployment, "spec", "template", "spec", "containers")).getFirst();
            assertEquals("casework/" + name + ":latest", container.get("image"));
            Map<String, Object> portSpec = ((List<Map<String, Object>>) container.get("ports")).getFirst();
            assertEquals(port, portSpec.get("containerPort"));
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                Map<String, Object> get = (Map<String, Object>) at(container, probe, "httpGet");
                assertTrue(HEALTH_PATHS.contains(get.get("path")), name + " " + probe + " " + get.get("path"));
                assertEquals(portSpec.get("name"), get.get("port"));
            }
            Map<String, Object> svc = docs.stream().filter(d -> "Service".equals(d.get("kind"))).findFirst().orElseThrow();
            Map<String, Object> svcPort = ((List<Map<String, Object>>) at(svc, "spec", "ports")).getFirst();
            assertEquals(port, svcPort.get("port"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void httpRouteMirrorsTheGatewayRoutesAndNeverExposesQuarkusEndpoints() throws IOException {
        Map<String, Object> route = yaml(root.resolve("deploy/k8s/httproute.yaml")).getFirst();
        Set<String> routed = new HashSet<>();
        for (Map<String, Object> rule : (List<Map<String, Object>>) at(route, "spec", "rules")) {
            Map<String, Object> backend = ((List<Map<String, Object>>) rule.get("backendRefs")).getFirst();
            assertEquals(SERVICES.getOrDefault(backend.get("name"), DOCS_BACKEND.get(backend.get("name"))), backend.get("port"),
                    "backend " + backend);
            for (Map<String, Object> match : (List<Map<String, Object>>) rule.get("matches")) {
                String path = (String) at(match, "path", "value");
                assertFalse(path.startsWith("/q"), "exposes " + path);
                routed.add(path + "->" + backend.get("name"));
            }
        }
        String nginx = Files.readString(root.resolve("deploy/gateway/nginx.conf"));
        Set<String> gatewayPrefixes = new HashSet<>();
        Matcher m = Pattern.compile("location\\s+(?:\\^~\\s+|~\\s+\\^)?(/api/v1/[a-z]+|/status)").matcher(nginx);
        while (m.find()) {
            gatewayPrefixes.add(m.group(1));
        }
        for (String prefix : List.of("/api/v1/cases", "/api/v1/organizations", "/api/v1/partners", "/api/v1/sla", "/api/v1/notifications",
                "/api/v1/status", "/status")) {
            assertTrue(routed.stream().anyMatch(r -> r.startsWith(prefix + "->")), "HTTPRoute lacks " + prefix);
            assertTrue(gatewayPrefixes.stream().anyMatch(p -> p.startsWith(prefix)), "nginx lacks " + prefix);
        }
        for (String path : DOCS_PATHS) {
            assertTrue(routed.contains(path + "->api-docs"), "HTTPRoute does not send " + path + " to api-docs");
            assertTrue(Pattern.compile("location\\s+(=|\\^~)\\s+" + Pattern.quote(path) + "/?\\s").matcher(nginx).find(),
                    "nginx does not serve " + path);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void apiDocsImageServesTheGatewaysDocumentLocations() throws IOException {
        List<Map<String, Object>> docs = yaml(root.resolve("deploy/k8s/api-docs.yaml"));
        Map<String, Object> deployment = docs.stream().filter(d -> "Deployment".equals(d.get("kind"))).findFirst().orElseThrow();
        Map<String, Object> container = ((List<Map<String, Object>>) at(deployment, "spec", "template", "spec", "containers")).getFirst();
        assertEquals("casework/api-docs:latest", container.get("image"));
        assertEquals(8080, ((List<Map<String, Object>>) container.get("ports")).getFirst().get("containerPort"));
        String dockerfile = Files.readString(root.resolve("deploy/gateway/src/main/docker/Dockerfile.api-docs"));
        assertTrue(dockerfile.contains("COPY target/api-docs "), "the image holds the deploy/gateway build output");
        String conf = Files.readString(root.resolve("deploy/gateway/src/main/docker/api-docs.conf"));
        for (String path : DOCS_PATHS) {
            assertTrue(conf.contains(" " + path + " ") || conf.contains(" " + path + "/ "), "api-docs.conf lacks " + path);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void kafkaTopicsAreTheDocumentedOnes() throws IOException {
        Set<String> topics = new HashSet<>();
        for (Map<String, Object> topic : yaml(root.resolve("deploy/k8s/kafka-topics.yaml"))) {
            assertEquals("KafkaTopic", topic.get("kind"));
            topics.add((String) at(topic, "metadata", "name"));
        }
        String asyncApi = Files.readString(root.resolve("docs/events/asyncapi.yaml"));
        Matcher m = Pattern.compile("address: (casework\\.[a-z-]+)").matcher(asyncApi);
        while (m.find()) {
            assertTrue(topics.contains(m.group(1)), "no KafkaTopic for " + m.group(1));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsTheSameImagesPortsAndMountsThatExist() throws IOException {
        Map<String, Object> compose = yaml(root.resolve("deploy/compose/docker-compose.yml")).getFirst();
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        for (var service : SERVICES.entrySet()) {
            Map<String, Object> spec = services.get(service.getKey());
            assertEquals("casework/" + service.getKey() + ":latest", spec.get("image"));
            assertTrue(((List<String>) spec.get("ports")).contains(service.getValue() + ":" + service.getValue()));
        }
        for (Map<String, Object> spec : services.values()) {
            for (Object volume : (List<?>) spec.getOrDefault("volumes", List.of())) {
                String source = volume.toString().split(":")[0];
                if (source.contains("/target/")) {
                    // a build output (not there before ./mvnw package): only the gateway's API documents
                    assertEquals("../gateway/target/api-docs", source);
                } else if (source.startsWith(".")) {
                    assertTrue(Files.exists(root.resolve("deploy/compose").resolve(source).normalize()), "missing " + source);
                }
            }
        }
    }

    private int configuredPort(String module) throws IOException {
        String properties = Files.readString(root.resolve(module + "/src/main/resources/application.properties"));
        Matcher m = Pattern.compile("(?m)^quarkus\\.http\\.port=\\$\\{[A-Z_]+:(\\d+)}").matcher(properties);
        assertTrue(m.find(), module + " has no quarkus.http.port");
        return Integer.parseInt(m.group(1));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> yaml(Path file) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object doc : new Yaml().loadAll(reader)) {
                if (doc != null) {
                    docs.add((Map<String, Object>) doc);
                }
            }
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> node, String... path) {
        Object current = node;
        for (String key : path) {
            current = ((Map<String, Object>) current).get(key);
        }
        return current;
    }
}
