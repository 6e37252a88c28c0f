package io.casework.notifications;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.casework.testsupport.EventContract;

/**
 * CloudEvents as case-service, sla-service and status-service publish them, each checked against its contract
 * in docs/events/schemas before it is sent.
 */
public final class Events {

    public static final String SLA_TOPIC = "casework.sla-events";
    public static final String STATUS_TOPIC = "casework.status-events";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    /** A case the tests mail about. */
    public record TestCase(UUID caseId, String number, String contact, List<String> ccs, String language, String assignee) {

        public static TestCase of(String language, String assignee, String... ccs) {
            return new TestCase(UUID.randomUUID(), CaseEvents.newCaseNumber(), "pat-" + UUID.randomUUID() + "@acme.example",
                    List.of(ccs), language, assignee);
        }

        public Map<String, Object> summary(String state) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("caseId", caseId.toString());
            data.put("number", number);
            data.put("organization", "acme");
            data.put("product", "Cloud Mail");
            data.put("subject", "Mail delivery delayed for all users");
            data.put("priority", "P2");
            data.put("state", state);
            data.put("contactEmail", contact);
            data.put("ccEmails", ccs);
            data.put("language", language);
            data.put("channel", "PORTAL");
            data.put("assignee", assignee);
            data.put("escalated", false);
            return data;
        }
    }

    /** A case event of {@code type} (io.casework.case.*) with the case summary and {@code fields}. */
    public static String caseEvent(String type, String eventId, TestCase supportCase, String state, Map<String, Object> fields) {
        Map<String, Object> data = supportCase.summary(state);
        data.putAll(fields);
        return event(type, eventId, "/casework/case-service", supportCase.caseId().toString(), data);
    }

    public static String event(String type, String eventId, String source, String subject, Map<String, Object> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", eventId);
        event.put("source", source);
        event.put("type", type);
        event.put("subject", subject);
        event.put("time", "2026-11-21T10:00:00Z");
        event.put("datacontenttype", "application/json");
        event.put("data", data);
        try {
            String json = JSON.writeValueAsString(event);
            EventContract.assertConforms(json);
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id of a CloudEvent made by {@link #event}. */
    public static String idOf(String event) {
        try {
            return JSON.readTree(event).path("id").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String id() {
        return UUID.randomUUID().toString();
    }

    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
