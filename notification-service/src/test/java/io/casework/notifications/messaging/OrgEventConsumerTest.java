package io.casework.notifications.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.casework.notifications.Events;
import io.casework.notifications.OrgEvents;
import io.casework.notifications.domain.Organization;
import io.casework.notifications.persistence.ProcessedMessage;
import io.casework.testsupport.EventTap;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OrgEventConsumerTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void organizationEventAppliedOnceEvenWhenRedelivered() {
        String client = "client-" + UUID.randomUUID();
        Instant at = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String created = OrgEvents.created(Events.id(), client, "resellco", true, at);
        String createdId = Events.idOf(created);
        // A later change of the same organization (same key): once applied, both copies before it were read.
        String revoked = OrgEvents.resellerAccessChanged(Events.id(), client, "resellco", false, at.plusSeconds(60));

        EventTap.send(OrgEvents.TOPIC, client, created);
        EventTap.send(OrgEvents.TOPIC, client, revoked);
        EventTap.send(OrgEvents.TOPIC, client, created);
        String regranted = OrgEvents.resellerAccessChanged(Events.id(), client, "resellco", true, at.plusSeconds(120));
        EventTap.send(OrgEvents.TOPIC, client, regranted);

        await().atMost(TIMEOUT).until(() -> count(Events.idOf(regranted)) == 1);
        assertEquals(1, count(createdId), "one processed_message row");
        Organization organization = QuarkusTransaction.requiringNew().call(() -> Organization.<Organization>findById(client));
        assertEquals("resellco", organization.reseller);
        assertTrue(organization.resellerAccess, "the redelivered creation did not undo the later changes");
        assertEquals(at, organization.resellerSince, "access changes do not move when the reseller took over");
    }

    @Test
    void newResellerManagesTheOrganizationFromTheTransferWithoutAccess() {
        String client = "client-" + UUID.randomUUID();
        Instant at = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        EventTap.send(OrgEvents.TOPIC, client, OrgEvents.created(Events.id(), client, "resellco", true, at));
        String transfer = OrgEvents.resellerChanged(Events.id(), client, "resellco", "partnerco", at.plusSeconds(3600));
        EventTap.send(OrgEvents.TOPIC, client, transfer);
        await().atMost(TIMEOUT).until(() -> count(Events.idOf(transfer)) == 1);

        Organization organization = QuarkusTransaction.requiringNew().call(() -> Organization.<Organization>findById(client));
        assertEquals("partnerco", organization.reseller);
        assertFalse(organization.resellerAccess);
        assertEquals(at.plusSeconds(3600), organization.resellerSince);

        String dropped = OrgEvents.resellerChanged(Events.id(), client, "partnerco", null, at.plusSeconds(7200));
        EventTap.send(OrgEvents.TOPIC, client, dropped);
        await().atMost(TIMEOUT).until(() -> count(Events.idOf(dropped)) == 1);
        Organization unmanaged = QuarkusTransaction.requiringNew().call(() -> Organization.<Organization>findById(client));
        assertNull(unmanaged.reseller);
        assertNull(unmanaged.resellerSince);
    }

    static long count(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ProcessedMessage.count("eventId", eventId));
    }
}
