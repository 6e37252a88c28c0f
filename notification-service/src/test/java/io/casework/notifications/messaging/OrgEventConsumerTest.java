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

import io.casework.messaging.inbox.ProcessedMessage;
import io.casework.notifications.Events;
import io.casework.notifications.OrgEvents;
import io.casework.notifications.domain.Organization;
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
    void announcementOfAnOrganizationNeverHeardOfIsUpsertedWithItsResellerSince() {
        String client = "client-" + UUID.randomUUID();
        Instant since = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String announced = OrgEvents.announced(Events.id(), client, "resellco", true, since, Instant.now());

        EventTap.send(OrgEvents.TOPIC, client, announced);
        await().atMost(TIMEOUT).until(() -> count(Events.idOf(announced)) == 1);

        Organization organization = find(client);
        assertEquals("resellco", organization.reseller);
        assertTrue(organization.resellerAccess);
        assertEquals(since, organization.resellerSince);
    }

    @Test
    void announcementOlderThanTheStateAppliedIsIgnoredAndANewerOneApplies() {
        String client = "client-" + UUID.randomUUID();
        Instant t0 = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        EventTap.send(OrgEvents.TOPIC, client, OrgEvents.created(Events.id(), client, "resellco", true, t0));
        String revoked = OrgEvents.resellerAccessChanged(Events.id(), client, "resellco", false, t0.plusSeconds(600));
        EventTap.send(OrgEvents.TOPIC, client, revoked);
        // Replayed from a dead-letter topic, say: an announcement taken before the access was withdrawn.
        String stale = OrgEvents.announced(Events.id(), client, "resellco", true, t0, t0.plusSeconds(300));
        EventTap.send(OrgEvents.TOPIC, client, stale);
        await().atMost(TIMEOUT).until(() -> count(Events.idOf(stale)) == 1);
        assertFalse(find(client).resellerAccess, "the older announcement did not grant access again");

        // A newer one, whose reseller start is earlier than the one known for the same reseller: the later is kept.
        String fresh = OrgEvents.announced(Events.id(), client, "resellco", true, t0.minusSeconds(3600), t0.plusSeconds(900));
        EventTap.send(OrgEvents.TOPIC, client, fresh);
        await().atMost(TIMEOUT).until(() -> count(Events.idOf(fresh)) == 1);
        Organization organization = find(client);
        assertTrue(organization.resellerAccess);
        assertEquals(t0, organization.resellerSince, "never earlier than the transfer this service saw");
        assertEquals(t0.plusSeconds(900), organization.updatedAt);

        // Another reseller now, announced: its start is the announced one.
        String moved = OrgEvents.announced(Events.id(), client, "partnerco", false, t0.plusSeconds(1000), t0.plusSeconds(1200));
        EventTap.send(OrgEvents.TOPIC, client, moved);
        await().atMost(TIMEOUT).until(() -> count(Events.idOf(moved)) == 1);
        assertEquals("partnerco", find(client).reseller);
        assertEquals(t0.plusSeconds(1000), find(client).resellerSince);
    }

    private static Organization find(String client) {
        return QuarkusTransaction.requiringNew().call(() -> Organization.<Organization>findById(client));
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
