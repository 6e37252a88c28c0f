package io.casework.status.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.LongPredicate;

import io.casework.status.config.StatusConfig;
import io.casework.status.domain.Caller;
import io.casework.status.domain.Incident;
import io.casework.status.domain.IncidentNotFoundException;
import io.casework.status.domain.IncidentRuleException;
import io.casework.status.domain.IncidentState;
import io.casework.status.domain.Product;
import io.casework.status.domain.Region;
import io.casework.status.domain.Severity;
import io.casework.status.messaging.event.IncidentPublished;
import io.casework.status.messaging.event.IncidentUpdated;
import io.casework.status.messaging.outbound.EventOutbox;
import io.casework.status.persistence.IncidentRepository;
import io.casework.status.persistence.ProductRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Incident use cases. Every change recomputes the status of the products it touches and writes its event
 * to the outbox, all in one transaction.
 */
@ApplicationScoped
public class IncidentService {

    private final IncidentRepository incidents;
    private final ProductRepository products;
    private final EventOutbox outbox;
    private final StatusConfig config;

    IncidentService(IncidentRepository incidents, ProductRepository products, EventOutbox outbox, StatusConfig config) {
        this.incidents = incidents;
        this.products = products;
        this.outbox = outbox;
        this.config = config;
    }

    /** {@code initialState} may be null (INVESTIGATING). */
    public record PublishIncident(String title, Severity severity, Set<String> affectedProducts, Set<Region> regions,
            IncidentState initialState, String message) {
    }

    public record UpdateIncident(IncidentState state, String message) {
    }

    @Transactional
    public Incident publish(PublishIncident command, Caller caller) {
        IncidentState initialState = command.initialState() != null ? command.initialState() : IncidentState.INVESTIGATING;
        if (initialState == IncidentState.RESOLVED) {
            throw new IncidentRuleException(IncidentRuleException.Kind.INVALID, "Cannot publish resolved",
                    "An incident cannot be published resolved: publish it, then resolve it with an update");
        }
        List<Product> affected = products.lockForStatusChange(command.affectedProducts());
        if (affected.size() != command.affectedProducts().size()) {
            Set<String> unknown = new TreeSet<>(command.affectedProducts());
            affected.forEach(p -> unknown.remove(p.id));
            throw IncidentRuleException.unknownProducts(unknown);
        }
        Instant now = now();
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.number = "%s-%d-%04d".formatted(config.incidentNumber().prefix(), now.atOffset(ZoneOffset.UTC).getYear(),
                incidents.nextNumber());
        incident.title = command.title();
        incident.severity = command.severity();
        incident.affectedProducts.addAll(affected);
        incident.regions.addAll(command.regions());
        incident.createdAt = now;
        incident.record(initialState, command.message(), caller.email(), now);
        incidents.persist(incident);
        reflectOpenIncidents(affected, now);
        outbox.record(IncidentPublished.TYPE, incident.id.toString(), IncidentPublished.of(incident));
        return incident;
    }

    /**
     * Adds an update to the timeline, provided the incident's version satisfies {@code ifMatch} (the caller's
     * If-Match): a publisher never overwrites an update they have not seen.
     */
    @Transactional
    public Incident update(UUID id, LongPredicate ifMatch, UpdateIncident command, Caller caller) {
        Incident incident = incidents.findForUpdate(id).orElseThrow(() -> new IncidentNotFoundException(id));
        if (!ifMatch.test(incident.version)) {
            throw IncidentRuleException.changed(incident.number, incident.version);
        }
        IncidentState previous = incident.state;
        Instant now = now();
        int seq = incident.record(command.state(), command.message(), caller.email(), now);
        reflectOpenIncidents(products.lockForStatusChange(incident.affectedProductIds()), now);
        // Flush now so that the version returned as the new ETag is the one committed.
        incidents.flush();
        outbox.record(IncidentUpdated.TYPE, incident.id.toString(), IncidentUpdated.of(incident, previous, seq));
        return incident;
    }

    @Transactional
    public Incident get(UUID id) {
        return incidents.findByIdOptional(id).orElseThrow(() -> new IncidentNotFoundException(id));
    }

    /** Up to {@code limit} incidents, newest first, after the given position (both null for the first page). */
    @Transactional
    public List<Incident> list(Instant afterCreatedAt, UUID afterId, int limit) {
        return incidents.newestFirst(afterCreatedAt, afterId, limit);
    }

    /** A product's status follows the worst open incident that affects it (the changed incident is flushed first). */
    private void reflectOpenIncidents(Collection<Product> affected, Instant now) {
        for (Product product : affected) {
            product.reflectOpenIncidents(incidents.openSeveritiesAffecting(product.id), now);
        }
    }

    /** PostgreSQL keeps microseconds: what is returned now is what is read back later. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
