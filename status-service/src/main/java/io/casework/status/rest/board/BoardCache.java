package io.casework.status.rest.board;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.casework.status.config.StatusConfig;
import io.casework.status.domain.Product;
import io.casework.status.persistence.StatusRevisionRepository;
import io.casework.status.service.StatusBoardService;
import io.casework.status.service.StatusBoardService.Board;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * The public views (incidents.json, summary.json, feeds, the page), rendered once per change and served from memory, so that
 * readers never reach the database (status pages are read in bursts exactly when something is down). Rebuilt
 * right after a local change commits, when the status revision moved through another instance (checked every
 * {@code casework.board.refresh-interval}), when a product's status override lapses, and hourly so that the 90-day
 * window slides.
 */
@ApplicationScoped
public class BoardCache {

    private static final Logger LOG = Logger.getLogger(BoardCache.class);
    private static final Duration SLIDE = Duration.ofHours(1);

    public static final String JSON = "application/json";
    public static final String ATOM = "application/atom+xml; charset=UTF-8";
    public static final String RSS = "application/rss+xml; charset=UTF-8";
    public static final String HTML = "text/html; charset=UTF-8";

    private final StatusBoardService board;
    private final StatusPage page;
    private final ObjectMapper json;
    private final FeedWriter feeds;

    private final ExecutorService rebuilds = Executors.newVirtualThreadPerTaskExecutor();
    private volatile Snapshot snapshot;

    BoardCache(StatusBoardService board, StatusPage page, ObjectMapper json, StatusConfig config) {
        this.board = board;
        this.page = page;
        this.json = json;
        this.feeds = new FeedWriter(config.board().publicUrl());
    }

    /**
     * Every view of one board; the per-product feeds are keyed by product id. {@code nextLapse}: when the first of the
     * status overrides shown lapses (null if none will), and the views must show the computed status instead.
     */
    public record Snapshot(long revision, Instant builtAt, Instant nextLapse, Rendered incidentsJson,
            Rendered summaryJson, Rendered atom, Rendered rss, Rendered page, Map<String, Rendered> productAtom,
            Map<String, Rendered> productRss) {
    }

    void onStart(@Observes StartupEvent start) {
        refresh(true);
    }

    /**
     * Waits for the rebuild, so that whoever changed the status reads it back at once; on another thread, because
     * the committed transaction is still bound to this one.
     */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) StatusRevisionRepository.RevisionBumped bumped) {
        CompletableFuture.runAsync(() -> refresh(false), rebuilds).join();
    }

    @Scheduled(every = "${casework.board.refresh-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onTimer() {
        refresh(false);
    }

    @PreDestroy
    void stop() {
        rebuilds.shutdown();
    }

    public Snapshot current() {
        return snapshot;
    }

    /**
     * Rebuilds when the revision moved (or {@code force}, or the window must slide, or an override lapsed); one
     * rebuild at a time.
     */
    synchronized void refresh(boolean force) {
        try {
            Snapshot current = snapshot;
            Instant now = Instant.now();
            if (!force && current != null && current.revision() == board.revision().number()
                    && current.builtAt().plus(SLIDE).isAfter(now)
                    && (current.nextLapse() == null || current.nextLapse().isAfter(now))) {
                return;
            }
            snapshot = build(board.read(now));
        } catch (RuntimeException e) {
            if (snapshot == null) {
                throw e;
            }
            LOG.warnf("Status views not refreshed, serving revision %d: %s", snapshot.revision(), e.getMessage());
        }
    }

    private Snapshot build(Board board) {
        Instant changed = board.changedAt();
        Map<String, Rendered> productAtom = new HashMap<>();
        Map<String, Rendered> productRss = new HashMap<>();
        for (Product product : board.products()) {
            productAtom.put(product.id, Rendered.of(feeds.atom(board, product), ATOM, changed));
            productRss.put(product.id, Rendered.of(feeds.rss(board, product), RSS, changed));
        }
        try {
            Instant nextLapse = board.products().stream()
                    .flatMap(p -> p.activeOverride(board.readAt()).stream())
                    .map(Product.StatusOverride::until)
                    .filter(Objects::nonNull)
                    .min(Comparator.naturalOrder())
                    .orElse(null);
            DashboardJson dashboard = DashboardJson.of(board);
            return new Snapshot(board.revision().number(), board.readAt(), nextLapse,
                    Rendered.of(json.writeValueAsBytes(dashboard.incidents()), JSON, changed),
                    Rendered.of(json.writeValueAsBytes(dashboard), JSON, changed),
                    Rendered.of(feeds.atom(board, null), ATOM, changed),
                    Rendered.of(feeds.rss(board, null), RSS, changed),
                    Rendered.of(page.render(board), HTML, changed),
                    Map.copyOf(productAtom), Map.copyOf(productRss));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write incidents.json", e);
        }
    }
}
