package io.casework.testsupport;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker for tests, one per JVM: the one named by {@code KAFKA_BOOTSTRAP}, or a single
 * KRaft node (broker and controller combined) started in this JVM with Kafka's own test kit.
 */
public final class KafkaServer {

    private static String bootstrapServers;

    private KafkaServer() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            String external = System.getenv("KAFKA_BOOTSTRAP");
            bootstrapServers = external == null || external.isBlank() ? startInProcess() : external;
        }
        return bootstrapServers;
    }

    private static String startInProcess() {
        ignoreHaltsDuringShutdown();
        try {
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "3")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    cluster.close();
                } catch (Exception ignored) {
                    // the JVM is exiting
                }
            }, "casework-kafka-stop"));
            return cluster.bootstrapServers();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the in-process Kafka broker", e);
        }
    }

    /**
     * Kafka's test kit deletes the broker's directories in a shutdown hook of its own, racing the hook that
     * closes the broker; a broker that finds its log directory gone halts the JVM with status 1, and Surefire
     * then fails a green run ("Error occurred in starting fork"). Such a halt is ignored during JVM shutdown
     * only; at any other time the broker halts as Kafka intends.
     */
    private static void ignoreHaltsDuringShutdown() {
        Exit.setHaltProcedure((status, message) -> {
            if (shuttingDown()) {
                System.err.printf("Ignoring Kafka's halt(%d) during JVM shutdown: %s%n", status, message);
                return;
            }
            Runtime.getRuntime().halt(status);
        });
    }

    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> {
        });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
