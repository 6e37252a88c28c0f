package io.casework.notifications.service;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.casework.notifications.config.NotificationConfig;
import io.casework.notifications.domain.Webhook;
import io.casework.notifications.domain.WebhookDelivery;
import io.casework.notifications.domain.WebhookEventTypes;
import io.casework.notifications.domain.WebhookSignature;
import io.casework.notifications.messaging.event.WebhookTested;
import io.casework.notifications.persistence.WebhookDeliveryRepository;
import io.casework.notifications.persistence.WebhookRepository;
import io.casework.rest.Caller;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;

/**
 * Partner webhooks: a partner organization manages its own; ops and admins read every one. Another
 * organization's webhook looks like a missing one.
 */
@ApplicationScoped
public class WebhookService {

    static final URI SOURCE = URI.create("/casework/notification-service");

    private final WebhookRepository webhooks;
    private final WebhookDeliveryRepository deliveries;
    private final ObjectMapper json;
    private final Event<WebhookSender.DeliveriesQueued> queued;
    private final WebhookDestinations destinations;
    private final Duration rotationOverlap;
    private final EventFormat format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    WebhookService(WebhookRepository webhooks, WebhookDeliveryRepository deliveries, ObjectMapper json,
            Event<WebhookSender.DeliveriesQueued> queued, WebhookDestinations destinations, NotificationConfig config) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.json = json;
        this.queued = queued;
        this.destinations = destinations;
        this.rotationOverlap = config.webhooks().secretRotationOverlap();
    }

    /** A registered webhook and its signing secret, which is shown this once. */
    public record Registered(Webhook webhook, String secret) {
    }

    /** A webhook's new secret, and until when the one it replaced still signs deliveries. */
    public record Rotated(Webhook webhook, String secret, Instant previousSecretExpiresAt) {
    }

    /** A page of a webhook's delivery log. */
    public record DeliveryPage(List<WebhookDelivery> items, UUID nextCursor) {
    }

    public Registered register(Caller caller, String url, List<String> eventTypes, String description) {
        String organization = partnerOrganization(caller);
        try {
            // Outside the transaction: a slow DNS answer holds no database connection.
            destinations.checkRegistration(URI.create(url));
        } catch (WebhookDestinations.RefusedDestinationException e) {
            throw new BadRequestException("url: " + e.getMessage());
        }
        return QuarkusTransaction.requiringNew().call(() -> persist(caller, organization, url, eventTypes, description));
    }

    private Registered persist(Caller caller, String organization, String url, List<String> eventTypes, String description) {
        Webhook webhook = new Webhook();
        webhook.id = UUID.randomUUID();
        webhook.organization = organization;
        webhook.url = url;
        // Stored in the catalogue's order, each once; none named means all.
        List<String> types = eventTypes == null ? WebhookEventTypes.CASE_EVENTS
                : WebhookEventTypes.CASE_EVENTS.stream().filter(eventTypes::contains).toList();
        webhook.eventTypes = String.join(",", types);
        webhook.description = description;
        webhook.secret = WebhookSignature.newSecret();
        webhook.createdBy = caller.email();
        webhook.createdAt = Instant.now();
        webhook.persist();
        return new Registered(webhook, webhook.secret);
    }

    /** The partner's own webhooks; every webhook for ops and admins. */
    @Transactional
    public List<Webhook> list(Caller caller) {
        return isStaff(caller) ? webhooks.all() : webhooks.ofOrganization(partnerOrganization(caller));
    }

    @Transactional
    public Webhook find(Caller caller, UUID id) {
        Webhook webhook = webhooks.findById(id);
        if (webhook == null || !(isStaff(caller) || webhook.organization.equals(caller.organization()))) {
            throw new NotFoundException("No webhook " + id);
        }
        return webhook;
    }

    /**
     * A new secret for the webhook. Deliveries carry a signature with each of the two secrets until the overlap
     * ends, so that the partner can deploy the new one without refusing a single delivery.
     */
    @Transactional
    public Rotated rotateSecret(Caller caller, UUID id) {
        Webhook webhook = owned(caller, id);
        webhook.rotateSecret(WebhookSignature.newSecret(), Instant.now(), rotationOverlap);
        return new Rotated(webhook, webhook.secret, webhook.previousSecretExpiresAt);
    }

    /** Removes the webhook and its delivery log; deliveries still due are not sent. */
    @Transactional
    public void delete(Caller caller, UUID id) {
        webhooks.delete(owned(caller, id));
    }

    /**
     * Queues a synthetic {@code io.casework.notification.webhook-test} event for this webhook only, signed and
     * retried like any delivery, so that a partner can check its endpoint and its signature verification.
     */
    @Transactional
    public WebhookDelivery sendTest(Caller caller, UUID id) {
        Webhook webhook = owned(caller, id);
        UUID eventId = UUID.randomUUID();
        Instant now = Instant.now();
        WebhookTested data = new WebhookTested(webhook.id, webhook.organization, caller.email(), now,
                "Test event from Casework: your endpoint received and can verify our webhooks.");
        try {
            CloudEvent event = CloudEventBuilder.v1()
                    .withId(eventId.toString())
                    .withSource(SOURCE)
                    .withType(WebhookTested.TYPE)
                    .withSubject(webhook.id.toString())
                    .withTime(now.atOffset(ZoneOffset.UTC))
                    .withDataContentType("application/json")
                    .withData(json.writeValueAsBytes(data))
                    .build();
            deliveries.enqueue(webhook.id, eventId.toString(), WebhookTested.TYPE, null,
                    new String(format.serialize(event), StandardCharsets.UTF_8), now);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + WebhookTested.TYPE, e);
        }
        queued.fire(new WebhookSender.DeliveriesQueued());
        return deliveries.find("webhookId = ?1 and eventId = ?2", webhook.id, eventId.toString()).singleResult();
    }

    @Transactional
    public DeliveryPage deliveries(Caller caller, UUID id, UUID cursor, int limit) {
        Webhook webhook = find(caller, id);
        Optional<WebhookDelivery> after = Optional.empty();
        if (cursor != null) {
            after = deliveries.findByIdOptional(cursor).filter(d -> d.webhookId.equals(webhook.id));
            if (after.isEmpty()) {
                throw new BadRequestException("cursor: not a cursor of this log");
            }
        }
        List<WebhookDelivery> page = deliveries.log(webhook.id, after, limit + 1);
        boolean more = page.size() > limit;
        List<WebhookDelivery> items = more ? page.subList(0, limit) : page;
        return new DeliveryPage(items, more ? items.getLast().id : null);
    }

    private Webhook owned(Caller caller, UUID id) {
        Webhook webhook = webhooks.findById(id);
        if (webhook == null || !webhook.organization.equals(partnerOrganization(caller))) {
            throw new NotFoundException("No webhook " + id);
        }
        return webhook;
    }

    private static String partnerOrganization(Caller caller) {
        if (caller.organization() == null || caller.organization().isBlank()) {
            throw new ForbiddenException("The access token names no partner organization (claim org)");
        }
        return caller.organization();
    }

    private static boolean isStaff(Caller caller) {
        return caller.roles().contains("ops") || caller.roles().contains("admin");
    }
}
