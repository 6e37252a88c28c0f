package io.casework.status.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** An incident's timeline and states, and how scheduled maintenance follows its window: plain JUnit, no Quarkus. */
class IncidentTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    static final Instant START = T0.plus(Duration.ofHours(2));
    static final Instant END = START.plus(Duration.ofHours(4));

    @Test
    void eachKindTakesItsOwnStatesAndRefusesTheOthers() {
        Set<IncidentState> incident = EnumSet.of(IncidentState.INVESTIGATING, IncidentState.IDENTIFIED,
                IncidentState.MONITORING, IncidentState.RESOLVED);
        Set<IncidentState> maintenance = EnumSet.of(IncidentState.SCHEDULED, IncidentState.IN_PROGRESS,
                IncidentState.MONITORING, IncidentState.RESOLVED);
        for (IncidentState state : IncidentState.values()) {
            assertEquals(incident.contains(state), IncidentKind.INCIDENT.allows(state), "INCIDENT " + state);
            assertEquals(maintenance.contains(state), IncidentKind.MAINTENANCE.allows(state), "MAINTENANCE " + state);
            Incident i = incident(IncidentKind.INCIDENT);
            if (incident.contains(state)) {
                assertEquals(2, i.record(state, "next", "olga", T0.plusSeconds(1)));
                assertEquals(state, i.state);
            } else {
                IncidentRuleException refused = assertThrows(IncidentRuleException.class,
                        () -> i.record(state, "next", "olga", T0.plusSeconds(1)));
                assertTrue(refused.getMessage().contains("cannot be " + state), refused.getMessage());
                assertEquals(IncidentState.INVESTIGATING, i.state, "a refused update changes nothing");
                assertEquals(1, i.updates.size());
            }
        }
        assertEquals(IncidentState.INVESTIGATING, IncidentKind.INCIDENT.initialState());
        assertEquals(IncidentState.SCHEDULED, IncidentKind.MAINTENANCE.initialState());
    }

    @Test
    void resolvedIsFinalAndEndsIt() {
        Incident i = incident(IncidentKind.INCIDENT);
        Instant at = T0.plus(Duration.ofMinutes(42));
        i.record(IncidentState.RESOLVED, "Fixed.", "olga", at);
        assertTrue(i.isResolved());
        assertFalse(i.isOpen());
        assertEquals(at, i.end);
        assertEquals(at, i.resolvedAt);
        assertEquals(at, i.updatedAt);
        for (IncidentState state : IncidentState.values()) {
            assertThrows(IncidentRuleException.class, () -> i.record(state, "again", "olga", at.plusSeconds(1)), "" + state);
        }
        assertEquals(2, i.updates.size());
    }

    @Test
    void maintenanceCalledOffBeforeItsWindowDoesNotEndBeforeItBegins() {
        Incident m = maintenance(true, true);
        m.record(IncidentState.RESOLVED, "Postponed.", "olga", T0.plusSeconds(60));
        assertEquals(START, m.begin);
        assertEquals(START, m.end, "end before begin would break incidents.json readers");
        assertEquals(T0.plusSeconds(60), m.resolvedAt);
    }

    @Test
    void productStatusFollowsSeverityForIncidentsAndTheStateForMaintenance() {
        for (Severity severity : Severity.values()) {
            Incident i = incident(IncidentKind.INCIDENT);
            i.severity = severity;
            assertEquals(severity.productStatus(), i.impliedProductStatus());
            i.draft = true;
            assertEquals(ProductStatus.OPERATIONAL, i.impliedProductStatus(), "a draft affects nothing");
        }
        Incident m = maintenance(true, true);
        assertEquals(ProductStatus.OPERATIONAL, m.impliedProductStatus(), "announced maintenance changes nothing yet");
        m.record(IncidentState.IN_PROGRESS, "Started.", "olga", START);
        assertEquals(ProductStatus.UNDER_MAINTENANCE, m.impliedProductStatus());
        m.record(IncidentState.MONITORING, "Watching.", "olga", START.plusSeconds(60));
        assertEquals(ProductStatus.UNDER_MAINTENANCE, m.impliedProductStatus());
        m.record(IncidentState.RESOLVED, "Done.", "olga", END);
        assertEquals(ProductStatus.OPERATIONAL, m.impliedProductStatus());
    }

    @Test
    void maintenanceStartsAtItsWindowAndCompletesAtItsEndOneStepAtATime() {
        Incident m = maintenance(true, true);
        assertEquals(Optional.empty(), m.dueByWindow(START.minusMillis(1)));
        assertEquals(Optional.of(IncidentState.IN_PROGRESS), m.dueByWindow(START));
        // A whole window that passed unseen still starts first, so that the timeline says both.
        assertEquals(Optional.of(IncidentState.IN_PROGRESS), m.dueByWindow(END.plus(Duration.ofDays(1))));
        m.record(IncidentState.IN_PROGRESS, "Started.", "maintenance-window", START);
        assertEquals(Optional.empty(), m.dueByWindow(END.minusMillis(1)));
        assertEquals(Optional.of(IncidentState.RESOLVED), m.dueByWindow(END));
        m.record(IncidentState.MONITORING, "Watching.", "olga", END.minusSeconds(1));
        assertEquals(Optional.of(IncidentState.RESOLVED), m.dueByWindow(END), "MONITORING completes too");
        m.record(IncidentState.RESOLVED, "Done.", "maintenance-window", END);
        assertEquals(Optional.empty(), m.dueByWindow(END.plus(Duration.ofDays(1))));
    }

    @Test
    void onlyWhatThePublisherAskedForHappensByItself() {
        Incident manualStart = maintenance(false, true);
        assertEquals(Optional.empty(), manualStart.dueByWindow(END.plusSeconds(1)), "stays SCHEDULED for its publisher");
        manualStart.record(IncidentState.IN_PROGRESS, "Started late.", "olga", END.plusSeconds(2));
        assertEquals(Optional.of(IncidentState.RESOLVED), manualStart.dueByWindow(END.plusSeconds(3)));

        Incident overrun = maintenance(true, false);
        assertEquals(Optional.of(IncidentState.IN_PROGRESS), overrun.dueByWindow(START));
        overrun.record(IncidentState.IN_PROGRESS, "Started.", "maintenance-window", START);
        assertEquals(Optional.empty(), overrun.dueByWindow(END.plus(Duration.ofHours(3))), "its publisher resolves it");

        Incident draft = maintenance(true, true);
        draft.draft = true;
        assertEquals(Optional.empty(), draft.dueByWindow(END));
        Incident incident = incident(IncidentKind.INCIDENT);
        incident.autoStart = true;
        incident.autoComplete = true;
        assertEquals(Optional.empty(), incident.dueByWindow(END), "incidents have no window");
    }

    static Incident incident(IncidentKind kind) {
        Incident i = new Incident();
        i.kind = kind;
        i.number = "I-2026-0001";
        i.severity = Severity.HIGH;
        i.begin = T0;
        i.createdAt = T0;
        i.record(kind.initialState(), "First.", "olga", T0);
        return i;
    }

    static Incident maintenance(boolean autoStart, boolean autoComplete) {
        Incident m = new Incident();
        m.kind = IncidentKind.MAINTENANCE;
        m.number = "I-2026-0002";
        m.severity = Severity.LOW;
        m.windowStart = START;
        m.windowEnd = END;
        m.begin = START;
        m.createdAt = T0;
        m.autoStart = autoStart;
        m.autoComplete = autoComplete;
        m.record(IncidentState.SCHEDULED, "Announced.", "olga", T0);
        return m;
    }
}
