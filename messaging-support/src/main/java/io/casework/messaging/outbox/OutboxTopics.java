package io.casework.messaging.outbox;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/** The topic of an event type: the value of the longest prefix in {@code casework.outbox.topics} that it starts with. */
@ApplicationScoped
public class OutboxTopics {

    private final List<Map.Entry<String, String>> byLongestPrefix;

    OutboxTopics(OutboxConfig config) {
        if (config.topics().isEmpty()) {
            throw new IllegalStateException("casework.outbox.topics maps no event type to a topic");
        }
        this.byLongestPrefix = config.topics().entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                .map(e -> Map.entry(e.getKey(), e.getValue()))
                .toList();
    }

    public String topicOf(String type) {
        for (Map.Entry<String, String> prefix : byLongestPrefix) {
            if (type.startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        throw new IllegalArgumentException("No topic for event type " + type + " in casework.outbox.topics");
    }
}
