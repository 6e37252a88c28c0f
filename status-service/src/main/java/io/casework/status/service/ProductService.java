package io.casework.status.service;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.casework.messaging.outbox.EventOutbox;
import io.casework.rest.Caller;
import io.casework.status.domain.Product;
import io.casework.status.domain.ProductNotFoundException;
import io.casework.status.domain.ProductStatus;
import io.casework.status.messaging.event.ProductStatusChanged;
import io.casework.status.persistence.IncidentRepository;
import io.casework.status.persistence.ProductRepository;
import io.casework.status.persistence.StatusRevisionRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Products and the status overrides of status publishers. Each change moves the status revision (the public views
 * show the override's reason even when the status stays) and, when the effective status changes, writes
 * product-status-changed to the outbox, in the same transaction.
 */
@ApplicationScoped
public class ProductService {

    private final ProductRepository products;
    private final IncidentRepository incidents;
    private final StatusRevisionRepository revision;
    private final EventOutbox outbox;

    ProductService(ProductRepository products, IncidentRepository incidents, StatusRevisionRepository revision,
            EventOutbox outbox) {
        this.products = products;
        this.incidents = incidents;
        this.revision = revision;
        this.outbox = outbox;
    }

    /** {@code until} may be null: the override holds until it is ended. */
    public record SetOverride(ProductStatus status, String reason, Instant until) {
    }

    @Transactional
    public List<Product> list() {
        return products.listByName();
    }

    /** Sets (or replaces) the product's status override: it wins over its incidents until ended or lapsed. */
    @Transactional
    public Product override(String id, SetOverride command, Caller caller) {
        Product product = lock(id);
        Instant now = IncidentService.now();
        product.override(command.status(), command.reason(), command.until(), caller.email(), now);
        product.settle(now).ifPresent(this::announce);
        revision.bump(now);
        return product;
    }

    /** Ends the override, if any: the status is the one the open incidents give again. */
    @Transactional
    public Product endOverride(String id) {
        Product product = lock(id);
        if (!product.endOverride()) {
            return product;
        }
        Instant now = IncidentService.now();
        product.reflectOpenIncidents(incidents.openAffecting(id), now).ifPresent(this::announce);
        revision.bump(now);
        return product;
    }

    /**
     * Records and announces the overrides that lapsed by {@code now} (readers already see the computed status: the
     * views lapse them as they are read). Each at its until, when its status ended. Safe on every instance at once:
     * under the product's lock, one that another instance recorded has no override any more.
     */
    @Transactional
    public int lapseOverrides(Instant now) {
        List<String> ids = products.withLapsedOverride(now);
        int lapsed = 0;
        for (Product product : products.lockForStatusChange(ids)) {
            Instant until = product.overrideUntil;
            if (product.lapseOverride(now)) {
                product.settle(until).ifPresent(this::announce);
                lapsed++;
            }
        }
        if (lapsed > 0) {
            revision.bump(now);
        }
        return lapsed;
    }

    @Scheduled(every = "${casework.product-override.lapse-check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onTimer() {
        lapseOverrides(IncidentService.now());
    }

    private Product lock(String id) {
        List<Product> locked = products.lockForStatusChange(Set.of(id));
        if (locked.isEmpty()) {
            throw new ProductNotFoundException(id);
        }
        return locked.getFirst();
    }

    private void announce(Product.StatusChange change) {
        outbox.record(ProductStatusChanged.TYPE, change.product().id, ProductStatusChanged.of(change));
    }
}
