package io.casework.e2e.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Drives the local stack (deploy/stack stop|kill|start) and watches the services' readiness. */
public final class StackControl {

    /** The repository whose deploy/stack runs the system; CASEWORK_ROOT points at another checkout. */
    static final Path ROOT = Path.of(Http.env("CASEWORK_ROOT", Path.of("").toAbsolutePath().resolve("../..").normalize().toString()));
    static final Path SCRIPT = Path.of(Http.env("CASEWORK_STACK_SCRIPT",
            Path.of("").toAbsolutePath().resolve("../../deploy/stack").normalize().toString()));
    static final Path RUN_DIR = Path.of(Http.env("CASEWORK_RUN_DIR", ROOT.resolve("deploy/.run").toString()));

    public static final Map<String, Integer> SERVICES = Map.of("case-service", 8081, "sla-service", 8082,
            "notification-service", 8083, "status-service", 8084);

    private StackControl() {
    }

    /** Runs deploy/stack with the arguments (bounded to 5 minutes); returns its output, fails on a non-zero exit. */
    public static String stack(String... args) {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("stack", ".log");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().put("CASEWORK_ROOT", ROOT.toString());
            pb.environment().put("CASEWORK_RUN_DIR", RUN_DIR.toString());
            Process p = pb.start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("deploy/stack " + String.join(" ", args) + " did not finish in 5 minutes");
            }
            String text = Files.readString(out);
            Files.deleteIfExists(out);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("deploy/stack " + String.join(" ", args) + " failed:\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** PID of a component's main process: the child of the session leader that deploy/stack recorded. */
    public static long pidOf(String component) {
        try {
            long leader = Long.parseLong(Files.readString(RUN_DIR.resolve("pids/" + component + ".pid")).strip());
            return ProcessHandle.of(leader).flatMap(h -> h.children().findFirst()).map(ProcessHandle::pid).orElse(leader);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    public static boolean ready(int port) {
        return Http.get("http://127.0.0.1:" + port + "/q/health/ready", null).status() == 200;
    }

    public static boolean allReady() {
        return SERVICES.values().stream().allMatch(StackControl::ready);
    }

    /** Polls every service's readiness each second and records each change (UP/DOWN) with its time. */
    public static final class HealthWatch implements AutoCloseable {
        private final Instant t0 = Instant.now();
        private final Map<String, Boolean> last = new LinkedHashMap<>();
        public final List<String> transitions = new CopyOnWriteArrayList<>();
        public final Map<String, Integer> downs = new java.util.concurrent.ConcurrentHashMap<>();
        private final ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("health-watch").factory());

        public HealthWatch() {
            probe.scheduleWithFixedDelay(() -> SERVICES.forEach((name, port) -> {
                boolean up = ready(port);
                Boolean before = last.put(name, up);
                if (before == null || before != up) {
                    if (before != null && !up) {
                        downs.merge(name, 1, Integer::sum);
                    }
                    transitions.add(String.format("t+%5.1fs %s %s", Duration.between(t0, Instant.now()).toMillis() / 1000.0,
                            name, up ? "UP" : "DOWN"));
                }
            }), 0, 1, TimeUnit.SECONDS);
        }

        public String elapsed() {
            return String.format("t+%5.1fs", Duration.between(t0, Instant.now()).toMillis() / 1000.0);
        }

        @Override
        public void close() {
            probe.shutdown();
            try {
                probe.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
