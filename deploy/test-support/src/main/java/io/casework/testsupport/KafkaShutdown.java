package io.casework.testsupport;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.Config;

/**
 * What SmallRye's Kafka connector waits for when a service stops: it pauses each incoming channel and sleeps twice the
 * channel's {@code poll-timeout} (default 1000 ms; unless {@code graceful-shutdown=false}) before it commits and closes
 * it, channel after channel (KafkaSource.closeQuietly). That sleep made notification-service take 10-12 s to stop.
 */
public final class KafkaShutdown {

    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");
    private static final String CONNECTOR = "smallrye-kafka";

    private KafkaShutdown() {
    }

    /** Each incoming Kafka channel of {@code config} with the time the connector sleeps for it on shutdown. */
    public static Map<String, Duration> graceByChannel(Config config) {
        Map<String, Duration> grace = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            Matcher channel = INCOMING.matcher(name);
            if (channel.matches() && CONNECTOR.equals(config.getOptionalValue(name, String.class).orElse(null))) {
                grace.put(channel.group(1), graceOf(config, channel.group(1)));
            }
        }
        return grace;
    }

    /** The sum over every incoming Kafka channel: the channels close one after the other. */
    public static Duration totalGrace(Config config) {
        return graceByChannel(config).values().stream().reduce(Duration.ZERO, Duration::plus);
    }

    private static Duration graceOf(Config config, String channel) {
        boolean graceful = attribute(config, channel, "graceful-shutdown", Boolean.class, true);
        return graceful ? Duration.ofMillis(2L * attribute(config, channel, "poll-timeout", Integer.class, 1000)) : Duration.ZERO;
    }

    private static <T> T attribute(Config config, String channel, String attribute, Class<T> type, T fallback) {
        return config.getOptionalValue("mp.messaging.incoming." + channel + "." + attribute, type)
                .or(() -> config.getOptionalValue("mp.messaging.connector." + CONNECTOR + "." + attribute, type))
                .orElse(fallback);
    }
}
