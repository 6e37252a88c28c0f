package io.casework.status.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.casework.messaging.outbox.EventOutbox;
import io.casework.rest.Caller;
import io.casework.rest.IfMatch;
import io.casework.status.config.StatusConfig;
import io.casework.status.domain.Audience;
import io.casework.status.domain.Impact;
import io.casework.status.domain.Incident;
import io.casework.status.domain.IncidentKind;
import io.casework.status.domain.IncidentNotFoundException;
import io.casework.status.domain.IncidentRuleException;
import io.casework.status.domain.IncidentState;
import io.casework.status.domain.Product;
import io.casework.status.domain.Region;
import io.casework.status.domain.Severity;
import io.casework.status.domain.Visibility;
import io.casework.status.messaging.event.IncidentPublished;
import io.casework.status.messaging.event.IncidentUpdated;
import io.casework.status.messaging.event.PostmortemPublished;
import io.casework.status.messaging.event.ProductStatusChanged;
import io.casework.status.persistence.IncidentRepository;
import io.casework.status.persistence.ProductRepository;
import io.casework.status.persistence.StatusRevisionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Incident use cases. Every change recomputes the status of the products it touches, moves the status
 * revision (the public views' caches follow it) and writes its event to the outbox, all in one transaction.
 */
@ApplicationScoped
public class IncidentService {

    private final IncidentRepository incidents;
    private final ProductRepository products;
    private final StatusRevisionRepository revision;
    private final EventOutbox outbox;
    private final StatusConfig config;

    IncidentService(IncidentRepository incidents, ProductRepository products, StatusRevisionRepository revision,
            EventOutbox outbox, StatusConfig config) {
        this.incidents = incidents;
        this.products = products;
        this.revision = revision;
        this.outbox = outbox;
        this.config = config;
    }

    /**
     * {@code kind}, {@code impact}, {@code visibility}, {@code initialState} and {@code begin} may be null
     * (INCIDENT, typical of the severity, PUBLIC, the kind's first state, now). Maintenance needs its window.
     */
    public record PublishIncident(IncidentKind kind, String title, String summary, Severity severity, Impact impact,
            Visibility visibility, Set<String> affectedProducts, Set<Region> regions, IncidentState initialState,
            Instant begin, Instant windowStart, Instant windowEnd, boolean autoStart, boolean autoComplete,
            String message) {
    }

    public record UpdateIncident(IncidentState state, String message) {
    }

    /** What a publisher may change when publishing a draft; null keeps the draft's value. */
    public record PublishDraft(String title, String summary, Severity severity, Impact impact, Visibility visibility,
            Set<Region> regions, IncidentState state, String message) {
    }

    public record AttachPostmortem(String url, String summary) {
    }

    /** A draft raised by the system (spike detection) for publishers to confirm. */
    public record Draft(String title, String summary, Severity severity, Product product, Instant begin) {
    }

    @Transactional
    public Incident publish(PublishIncident command, Caller caller) {
        IncidentKind kind = command.kind() != null ? command.kind() : IncidentKind.INCIDENT;
        IncidentState initialState = command.initialState() != null ? command.initialState() : kind.initialState();
        if (initialState == IncidentState.RESOLVED) {
            throw new IncidentRuleException(IncidentRuleException.Kind.INVALID, "Cannot publish resolved",
                    "An incident cannot be published resolved: publish it, then resolve it with an update");
        }
        checkWindow(kind, command.windowStart(), command.windowEnd());
        List<Product> affected = lockKnownProducts(command.affectedProducts());
        Instant now = now();
        Incident incident = newIncident(kind, command.title(), command.severity(), now);
        incident.summary = command.summary();
        incident.impact = command.impact() != null ? command.impact() : Impact.typicalOf(command.severity());
        incident.visibility = command.visibility() != null ? command.visibility() : Visibility.PUBLIC;
        incident.windowStart = command.windowStart();
        incident.windowEnd = command.windowEnd();
        incident.autoStart = kind == IncidentKind.MAINTENANCE && command.autoStart();
        incident.autoComplete = kind == IncidentKind.MAINTENANCE && command.autoComplete();
        incident.begin = command.begin() != null ? command.begin()
                : kind == IncidentKind.MAINTENANCE ? command.windowStart() : now;
        incident.affectedProducts.addAll(affected);
        incident.regions.addAll(command.regions());
        incident.record(initialState, command.message(), caller.email(), now);
        incidents.persist(incident);
        List<Product.StatusChange> changes = reflectOpenIncidents(affected, now);
        revision.bump(now);
        outbox.record(IncidentPublished.TYPE, incident.id.toString(), IncidentPublished.of(incident));
        announce(changes);
        return incident;
    }

    /** Creates an unpublished incident: no product status, no public event, seen by publishers only. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Incident draft(Draft draft) {
        Instant now = now();
        Incident incident = newIncident(IncidentKind.INCIDENT, draft.title(), draft.severity(), now);
        incident.summary = draft.summary();
        incident.impact = Impact.typicalOf(draft.severity());
        incident.visibility = Visibility.PUBLIC;
        incident.draft = true;
        incident.begin = draft.begin();
        incident.state = IncidentState.INVESTIGATING;
        incident.updatedAt = now;
        incident.affectedProducts.add(draft.product());
        incident.regions.addAll(Set.of(Region.values()));
        incidents.persist(incident);
        return incident;
    }

    /** Publishes a draft with the publisher's first message (and corrections): from now on it is like any incident. */
    @Transactional
    public Incident publishDraft(UUID id, IfMatch ifMatch, PublishDraft command, Caller caller) {
        Incident incident = lockMatching(id, ifMatch);
        if (!incident.draft) {
            throw IncidentRuleException.notDraft(incident.number);
        }
        if (command.title() != null) {
            incident.title = command.title();
        }
        if (command.summary() != null) {
            incident.summary = command.summary();
        }
        if (command.severity() != null) {
            incident.severity = command.severity();
            if (command.impact() == null) {
                incident.impact = Impact.typicalOf(command.severity());
            }
        }
        if (command.impact() != null) {
            incident.impact = command.impact();
        }
        if (command.visibility() != null) {
            incident.visibility = command.visibility();
        }
        if (command.regions() != null && !command.regions().isEmpty()) {
            incident.regions.clear();
            incident.regions.addAll(command.regions());
        }
        IncidentState state = command.state() != null ? command.state() : incident.kind.initialState();
        if (state == IncidentState.RESOLVED) {
            throw new IncidentRuleException(IncidentRuleException.Kind.INVALID, "Cannot publish resolved",
                    "A draft cannot be published resolved: if it was a false alarm, leave it unpublished");
        }
        Instant now = now();
        incident.draft = false;
        incident.record(state, command.message(), caller.email(), now);
        List<Product.StatusChange> changes =
                reflectOpenIncidents(products.lockForStatusChange(incident.affectedProductIds()), now);
        incidents.flush();
        revision.bump(now);
        outbox.record(IncidentPublished.TYPE, incident.id.toString(), IncidentPublished.of(incident));
        announce(changes);
        return incident;
    }

    /**
     * Adds an update to the timeline, provided the incident's version satisfies {@code ifMatch} (the caller's
     * If-Match): a publisher never overwrites an update they have not seen.
     */
    @Transactional
    public Incident update(UUID id, IfMatch ifMatch, UpdateIncident command, Caller caller) {
        Incident incident = lockMatching(id, ifMatch);
        if (incident.draft) {
            throw IncidentRuleException.draft(incident.number);
        }
        return advance(incident, command.state(), command.message(), caller.email(), now());
    }

    /**
     * Moves a scheduled maintenance as its window calls for at {@code now} (see {@link Incident#dueByWindow}), exactly
     * as a publisher's update would: timeline, product status, events. Locked, so that two instances move it once.
     */
    @Transactional
    public Optional<Incident> followWindow(UUID id, Instant now) {
        Optional<Incident> locked = incidents.findForUpdate(id);
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        Incident incident = locked.get();
        return incident.dueByWindow(now).map(state -> advance(incident, state, state == IncidentState.RESOLVED
                ? SCHEDULE_COMPLETED : SCHEDULE_STARTED, SCHEDULE_AUTHOR, now));
    }

    /** Ids of the maintenance whose window calls for a move at {@code now}, oldest window first. */
    @Transactional
    public List<UUID> dueByWindow(Instant now, int limit) {
        return incidents.dueByWindow(now, limit);
    }

    /** The author of the updates the maintenance window makes (where a publisher's e-mail address stands). */
    public static final String SCHEDULE_AUTHOR = "maintenance-window";
    static final String SCHEDULE_STARTED = "The scheduled maintenance is in progress.";
    static final String SCHEDULE_COMPLETED = "The scheduled maintenance has been completed.";

    private Incident advance(Incident incident, IncidentState state, String message, String author, Instant now) {
        IncidentState previous = incident.state;
        int seq = incident.record(state, message, author, now);
        List<Product.StatusChange> changes =
                reflectOpenIncidents(products.lockForStatusChange(incident.affectedProductIds()), now);
        // Flush now so that the version returned as the new ETag is the one committed.
        incidents.flush();
        revision.bump(now);
        outbox.record(IncidentUpdated.TYPE, incident.id.toString(), IncidentUpdated.of(incident, previous, seq));
        announce(changes);
        return incident;
    }

    /** Attaches (or replaces) the incident report of a resolved incident and announces it. */
    @Transactional
    public Incident attachPostmortem(UUID id, IfMatch ifMatch, AttachPostmortem command, Caller caller) {
        Incident incident = lockMatching(id, ifMatch);
        if (incident.draft) {
            throw IncidentRuleException.draft(incident.number);
        }
        if (!incident.isResolved()) {
            throw IncidentRuleException.notResolved(incident.number);
        }
        Instant now = now();
        incident.postmortemUrl = command.url();
        incident.postmortemSummary = command.summary();
        incident.postmortemAt = now;
        incident.updatedAt = now;
        incidents.flush();
        revision.bump(now);
        outbox.record(PostmortemPublished.TYPE, incident.id.toString(), PostmortemPublished.of(incident, caller.email()));
        return incident;
    }

    /** The incident, if the audience may see it; otherwise it does not exist for them. */
    @Transactional
    public Incident get(UUID id, Audience audience) {
        return incidents.findByIdOptional(id)
                .filter(i -> audience.sees(i.visibility) && (!i.draft || audience.seesDrafts()))
                .orElseThrow(() -> new IncidentNotFoundException(id));
    }

    /** Up to {@code limit} incidents the audience may see, newest first, after the given position (null for the first page). */
    @Transactional
    public List<Incident> list(Audience audience, Instant afterCreatedAt, UUID afterId, int limit) {
        return incidents.newestFirst(audience, afterCreatedAt, afterId, limit);
    }

    private Incident newIncident(IncidentKind kind, String title, Severity severity, Instant now) {
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.number = "%s-%d-%04d".formatted(config.incidentNumber().prefix(), now.atOffset(ZoneOffset.UTC).getYear(),
                incidents.nextNumber());
        incident.kind = kind;
        incident.title = title;
        incident.severity = severity;
        incident.createdAt = now;
        return incident;
    }

    private Incident lockMatching(UUID id, IfMatch ifMatch) {
        Incident incident = incidents.findForUpdate(id).orElseThrow(() -> new IncidentNotFoundException(id));
        if (!ifMatch.matches(incident.version)) {
            throw IncidentRuleException.changed(incident.number, incident.version);
        }
        return incident;
    }

    private List<Product> lockKnownProducts(Set<String> ids) {
        List<Product> affected = products.lockForStatusChange(ids);
        if (affected.size() != ids.size()) {
            Set<String> unknown = new TreeSet<>(ids);
            affected.forEach(p -> unknown.remove(p.id));
            throw IncidentRuleException.unknownProducts(unknown);
        }
        return affected;
    }

    private static void checkWindow(IncidentKind kind, Instant start, Instant end) {
        if (kind == IncidentKind.MAINTENANCE && (start == null || end == null)) {
            throw new IncidentRuleException(IncidentRuleException.Kind.INVALID, "Maintenance window required",
                    "Scheduled maintenance needs its window: maintenanceWindow.start and maintenanceWindow.end");
        }
        if (kind == IncidentKind.INCIDENT && (start != null || end != null)) {
            throw new IncidentRuleException(IncidentRuleException.Kind.INVALID, "No window for incidents",
                    "Only MAINTENANCE has a maintenance window");
        }
        if (start != null && !end.isAfter(start)) {
            throw new IncidentRuleException(IncidentRuleException.Kind.INVALID, "Empty maintenance window",
                    "maintenanceWindow.end must be after maintenanceWindow.start");
        }
    }

    /**
     * A product's computed status follows the worst open incident that affects it (the changed incident is flushed
     * first); its effective status too, unless overridden. Returns the effective status changes, to announce.
     */
    private List<Product.StatusChange> reflectOpenIncidents(Collection<Product> affected, Instant now) {
        incidents.flush();
        List<Product.StatusChange> changes = new ArrayList<>();
        for (Product product : affected) {
            product.reflectOpenIncidents(incidents.openAffecting(product.id), now).ifPresent(changes::add);
        }
        return changes;
    }

    /** After the incident's own event, so that a consumer reading both learns of the incident first. */
    private void announce(List<Product.StatusChange> changes) {
        changes.forEach(c -> outbox.record(ProductStatusChanged.TYPE, c.product().id, ProductStatusChanged.of(c)));
    }

    /** PostgreSQL keeps microseconds: what is returned now is what is read back later. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
