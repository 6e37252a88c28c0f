package io.casework.status.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The effective status: an override wins while active, lapses at its until, and only real changes are announced. */
class ProductTest {

    static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    static final Instant UNTIL = T0.plus(Duration.ofHours(2));

    @Test
    void overrideWinsOverTheIncidentsUntilItLapsesAsItIsRead() {
        Product product = operational();
        product.override(ProductStatus.DEGRADED, "Verifying delivery", UNTIL, "olga@casework.example", T0);
        assertEquals(ProductStatus.OPERATIONAL, product.settle(T0).orElseThrow().previous());

        assertTrue(product.reflectOpenIncidents(List.of(incident(Severity.CRITICAL)), T0.plusSeconds(60)).isEmpty(),
                "the shown status did not change: nothing to announce");
        assertEquals(ProductStatus.MAJOR_OUTAGE, product.computedStatus);
        assertEquals(ProductStatus.DEGRADED, product.effectiveStatus(UNTIL.minusMillis(1)));
        assertEquals("Verifying delivery", product.activeOverride(UNTIL.minusMillis(1)).orElseThrow().reason());

        // Read after until, before anything recorded the lapse: the computed status, since until.
        assertEquals(ProductStatus.MAJOR_OUTAGE, product.effectiveStatus(UNTIL));
        assertTrue(product.activeOverride(UNTIL).isEmpty());
        assertEquals(UNTIL, product.effectiveSince(UNTIL.plusSeconds(5)));
        assertEquals(ProductStatus.DEGRADED, product.status, "not recorded yet");
    }

    @Test
    void lapseIsRecordedAtItsUntil() {
        Product product = operational();
        product.override(ProductStatus.UNDER_MAINTENANCE, "Planned switch-over", UNTIL, "olga@casework.example", T0);
        product.settle(T0);

        assertFalse(product.lapseOverride(UNTIL.minusMillis(1)));
        assertTrue(product.lapseOverride(UNTIL.plusSeconds(3)));
        Product.StatusChange change = product.settle(UNTIL).orElseThrow();
        assertEquals(ProductStatus.UNDER_MAINTENANCE, change.previous());
        assertEquals(ProductStatus.OPERATIONAL, product.status);
        assertEquals(UNTIL, product.updatedAt);
        assertNull(product.overrideStatus);
        assertNull(product.overrideReason);
    }

    @Test
    void overrideWithoutUntilHoldsUntilEnded() {
        Product product = operational();
        product.override(ProductStatus.PARTIAL_OUTAGE, "Customers report failures", null, "olga@casework.example", T0);
        product.settle(T0);
        assertEquals(ProductStatus.PARTIAL_OUTAGE, product.effectiveStatus(T0.plus(Duration.ofDays(365))));

        assertTrue(product.endOverride());
        assertEquals(ProductStatus.PARTIAL_OUTAGE, product.settle(T0.plusSeconds(60)).orElseThrow().previous());
        assertEquals(ProductStatus.OPERATIONAL, product.status);
        assertFalse(product.endOverride(), "nothing left to end");
    }

    @Test
    void overrideToTheComputedStatusChangesNothingShown() {
        Product product = operational();
        product.override(ProductStatus.OPERATIONAL, "Monitoring false alarm", null, "olga@casework.example", T0);
        assertTrue(product.settle(T0).isEmpty());
        assertEquals(T0.minus(Duration.ofDays(1)), product.updatedAt);
    }

    private static Product operational() {
        Product product = new Product();
        product.id = "cloud-mail";
        product.name = "Cloud Mail";
        product.status = ProductStatus.OPERATIONAL;
        product.computedStatus = ProductStatus.OPERATIONAL;
        product.updatedAt = T0.minus(Duration.ofDays(1));
        return product;
    }

    private static Incident incident(Severity severity) {
        Incident incident = new Incident();
        incident.kind = IncidentKind.INCIDENT;
        incident.severity = severity;
        incident.state = IncidentState.INVESTIGATING;
        return incident;
    }
}
