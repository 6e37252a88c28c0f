package io.casework.status.service;

import java.time.Instant;
import java.util.List;

import io.casework.status.config.StatusConfig;
import io.casework.status.domain.Incident;
import io.casework.status.domain.Product;
import io.casework.status.persistence.IncidentRepository;
import io.casework.status.persistence.ProductRepository;
import io.casework.status.persistence.StatusRevisionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Everything the public views show, read at once so that JSON, feeds and page agree. */
@ApplicationScoped
public class StatusBoardService {

    /** Enough for 90 days of any real status page; older ones are in the paged incident list. */
    static final int MOST_INCIDENTS = 500;

    private final ProductRepository products;
    private final IncidentRepository incidents;
    private final StatusRevisionRepository revision;
    private final StatusConfig.Board config;

    StatusBoardService(ProductRepository products, IncidentRepository incidents, StatusRevisionRepository revision,
            StatusConfig config) {
        this.products = products;
        this.incidents = incidents;
        this.revision = revision;
        this.config = config.board();
    }

    /**
     * @param incidents public, published incidents still open or resolved within the history window, newest first
     */
    public record Board(StatusRevisionRepository.Revision revision, Instant readAt, List<Product> products,
            List<Incident> incidents) {

        /** The last change shown: the revision's, or a status override that lapsed since (not yet recorded). */
        public Instant changedAt() {
            return products.stream().map(p -> p.effectiveSince(readAt))
                    .reduce(revision.changedAt(), (a, b) -> b.isAfter(a) ? b : a);
        }
    }

    @Transactional
    public StatusRevisionRepository.Revision revision() {
        return revision.current();
    }

    @Transactional
    public Board read(Instant now) {
        // The revision first: a change committed while reading moves it again, and the next refresh re-reads.
        StatusRevisionRepository.Revision current = revision.current();
        return new Board(current, now, products.listByName(), incidents.onBoard(now.minus(config.history()), MOST_INCIDENTS));
    }
}
