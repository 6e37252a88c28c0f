package io.casework.cases.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The case state machine of {@link Case} without Quarkus: every transition from every state, allowed or refused
 * (409 "Transition not allowed", the case unchanged), and the reopen window's boundaries.
 */
class CaseStateMachineTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(30);

    /** One transition: its name and what it does to a case. */
    private record Transition(String name, Function<Case, CaseState> apply) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Transition START_WORK = new Transition("startWork", Case::startWork);
    private static final Transition AWAIT_CUSTOMER = new Transition("awaitCustomer", Case::awaitCustomer);
    private static final Transition PROVIDE_SOLUTION = new Transition("provideSolution",
            c -> c.provideSolution(ResolutionCode.RESOLVED, "fixed", AT));
    private static final Transition CLOSE = new Transition("close", c -> c.close(AT));
    private static final Transition REOPEN = new Transition("reopen", Case::reopen);
    private static final Transition HOLD = new Transition("hold", Case::hold);
    private static final Transition RELEASE = new Transition("release", Case::release);

    /** Each transition with the states it is allowed from and the state it leads to. */
    private static final Map<Transition, Map<CaseState, CaseState>> ALLOWED = Map.of(
            START_WORK, to(CaseState.IN_PROGRESS, CaseState.NEW, CaseState.ACTION_REQUIRED),
            AWAIT_CUSTOMER, to(CaseState.ACTION_REQUIRED, CaseState.NEW, CaseState.IN_PROGRESS),
            PROVIDE_SOLUTION, to(CaseState.SOLUTION_PROVIDED, CaseState.NEW, CaseState.IN_PROGRESS,
                    CaseState.ACTION_REQUIRED),
            CLOSE, to(CaseState.CLOSED, CaseState.NEW, CaseState.IN_PROGRESS, CaseState.ACTION_REQUIRED,
                    CaseState.SOLUTION_PROVIDED),
            REOPEN, to(CaseState.IN_PROGRESS, CaseState.CLOSED),
            HOLD, to(CaseState.ON_HOLD, CaseState.NEW, CaseState.IN_PROGRESS, CaseState.ACTION_REQUIRED,
                    CaseState.SOLUTION_PROVIDED));

    private static Map<CaseState, CaseState> to(CaseState target, CaseState... from) {
        Map<CaseState, CaseState> map = new EnumMap<>(CaseState.class);
        for (CaseState state : from) {
            map.put(state, target);
        }
        return map;
    }

    private static Case in(CaseState state) {
        Case supportCase = new Case();
        supportCase.state = state;
        if (state == CaseState.CLOSED) {
            supportCase.closedAt = AT;
        }
        if (state == CaseState.ON_HOLD) {
            supportCase.stateBeforeHold = CaseState.ACTION_REQUIRED;
        }
        return supportCase;
    }

    @ParameterizedTest
    @EnumSource(CaseState.class)
    void everyTransitionFromThisStateIsAllowedOrRefusedAsTheTableSays(CaseState from) {
        for (var entry : ALLOWED.entrySet()) {
            Transition transition = entry.getKey();
            Case supportCase = in(from);
            CaseState target = entry.getValue().get(from);
            if (target != null) {
                assertEquals(from, transition.apply().apply(supportCase), transition + " returns the state it left");
                assertEquals(target, supportCase.state, transition + " from " + from);
            } else {
                CaseRuleException refused = assertThrows(CaseRuleException.class, () -> transition.apply().apply(supportCase),
                        transition + " from " + from + " must be refused");
                assertEquals(CaseRuleException.Kind.CONFLICT, refused.kind());
                assertEquals("Transition not allowed", refused.title());
                assertTrue(refused.getMessage().contains(from.name()), refused.getMessage());
                assertEquals(from, supportCase.state, transition + " refused leaves the state");
            }
        }
    }

    @Test
    void theTableCoversEveryStateAndNothingLeavesClosedButReopen() {
        Set<CaseState> reachable = EnumSet.noneOf(CaseState.class);
        ALLOWED.values().forEach(m -> reachable.addAll(m.values()));
        assertEquals(EnumSet.of(CaseState.IN_PROGRESS, CaseState.ACTION_REQUIRED, CaseState.SOLUTION_PROVIDED,
                CaseState.CLOSED, CaseState.ON_HOLD), reachable, "NEW is only where a case starts");
        ALLOWED.forEach((transition, from) -> assertEquals(transition == REOPEN, from.containsKey(CaseState.CLOSED),
                transition + " from CLOSED"));
    }

    @ParameterizedTest
    @EnumSource(value = CaseState.class, names = { "NEW", "IN_PROGRESS", "ACTION_REQUIRED", "SOLUTION_PROVIDED" })
    void holdFreezesTheStateAndReleaseResumesExactlyThere(CaseState from) {
        Case supportCase = in(from);
        supportCase.hold();
        assertEquals(CaseState.ON_HOLD, supportCase.state);
        assertEquals(from, supportCase.stateBeforeHold);
        assertEquals(CaseState.ON_HOLD, supportCase.release());
        assertEquals(from, supportCase.state);
        assertNull(supportCase.stateBeforeHold);
    }

    @ParameterizedTest
    @EnumSource(value = CaseState.class, names = "ON_HOLD", mode = EnumSource.Mode.EXCLUDE)
    void onlyAHeldCaseIsReleased(CaseState from) {
        Case supportCase = in(from);
        assertEquals(CaseRuleException.Kind.CONFLICT, assertThrows(CaseRuleException.class, supportCase::release).kind());
        assertEquals(from, supportCase.state);
    }

    @ParameterizedTest
    @EnumSource(CaseState.class)
    void aCustomerReplyTakesTheCaseBackOnlyFromActionRequiredOrSolutionProvided(CaseState from) {
        Case supportCase = in(from);
        supportCase.customerReplied();
        boolean back = from == CaseState.ACTION_REQUIRED || from == CaseState.SOLUTION_PROVIDED;
        assertEquals(back ? CaseState.IN_PROGRESS : from, supportCase.state, "never refused, at most no change");
    }

    @Test
    void providingASolutionRecordsItAndClosingRecordsWhen() {
        Case supportCase = in(CaseState.IN_PROGRESS);
        supportCase.provideSolution(ResolutionCode.RESOLVED, "restarted the relay", AT);
        assertEquals(ResolutionCode.RESOLVED, supportCase.resolutionCode);
        assertEquals("restarted the relay", supportCase.resolutionNote);
        assertEquals(AT, supportCase.resolvedAt);
        Instant later = AT.plusSeconds(60);
        supportCase.close(later);
        assertEquals(later, supportCase.closedAt);
    }

    @Test
    void reopeningCountsClearsTheCloseAndTheEscalation() {
        Case supportCase = in(CaseState.CLOSED);
        supportCase.escalated = true;
        supportCase.reopen();
        assertEquals(1, supportCase.reopenCount);
        assertNull(supportCase.closedAt);
        assertFalse(supportCase.escalated, "escalated again only after a reopen");
        supportCase.close(AT);
        supportCase.reopen();
        assertEquals(2, supportCase.reopenCount);
    }

    @Test
    void theReopenWindowIncludesItsLastInstantAndNothingAfter() {
        Case supportCase = in(CaseState.CLOSED);
        assertTrue(supportCase.reopenableAt(AT, WINDOW), "right after closing");
        assertTrue(supportCase.reopenableAt(AT.plus(Duration.ofDays(29)), WINDOW));
        assertTrue(supportCase.reopenableAt(AT.plus(WINDOW), WINDOW), "exactly 30 days after closing");
        assertFalse(supportCase.reopenableAt(AT.plus(WINDOW).plusNanos(1), WINDOW), "a moment later");
        assertFalse(supportCase.reopenableAt(AT.plus(Duration.ofDays(31)), WINDOW));
        assertTrue(supportCase.reopenableAt(AT.plus(Duration.ofDays(31)), Duration.ofDays(45)), "the window is configurable");
    }

    @ParameterizedTest
    @EnumSource(value = CaseState.class, names = "CLOSED", mode = EnumSource.Mode.EXCLUDE)
    void onlyAClosedCaseIsReopenable(CaseState state) {
        Case supportCase = in(state);
        supportCase.closedAt = AT;
        assertFalse(supportCase.reopenableAt(AT, WINDOW));
    }

    @Test
    void activeStatesAreThoseWhereSupportWorksAndOnlyClosedIsNotOpen() {
        assertEquals(EnumSet.of(CaseState.NEW, CaseState.IN_PROGRESS, CaseState.ACTION_REQUIRED,
                CaseState.SOLUTION_PROVIDED), CaseState.ACTIVE);
        for (CaseState state : CaseState.values()) {
            assertEquals(state != CaseState.CLOSED, state.isOpen(), state.name());
        }
    }
}
