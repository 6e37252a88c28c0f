package io.casework.status.rest.board;


import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.casework.status.domain.Incident;
import io.casework.status.domain.IncidentKind;
import io.casework.status.domain.IncidentUpdate;
import io.casework.status.domain.Product;
import io.casework.status.domain.ProductStatus;
import io.casework.status.service.StatusBoardService.Board;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;

/** The human status page ({@code templates/status.html}); Qute escapes every value it inserts. */
@ApplicationScoped
public class StatusPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final Template template;

    StatusPage(@Location("status.html") Template template) {
        this.template = template;
    }

    @TemplateData
    public record Overall(String text, String css) {
    }

    /** {@code note}: why a status publisher set the status by hand (and until when); null when it is computed. */
    @TemplateData
    public record ProductRow(String id, String name, String status, String css, String note) {
    }

    @TemplateData
    public record Entry(String number, String title, String summary, String state, String impact, String products,
            String period, String latest, String latestAt, String postmortemUrl, boolean maintenance) {
    }

    public String render(Board board) {
        Instant now = board.readAt();
        ProductStatus worst = board.products().stream().map(p -> p.effectiveStatus(now)).max(Comparator.naturalOrder())
                .orElse(ProductStatus.OPERATIONAL);
        List<Entry> open = board.incidents().stream().filter(Incident::isOpen).map(StatusPage::entry).toList();
        List<Entry> past = board.incidents().stream().filter(Incident::isResolved).map(StatusPage::entry).toList();
        return template
                .data("overall", overall(worst))
                .data("products", board.products().stream().map(p -> row(p, now)).toList())
                .data("open", open)
                .data("past", past)
                .data("updated", WHEN.format(board.changedAt()))
                .render();
    }

    private static ProductRow row(Product product, Instant now) {
        ProductStatus status = product.effectiveStatus(now);
        String note = product.activeOverride(now)
                .map(o -> o.reason() + (o.until() == null ? "" : " (until " + WHEN.format(o.until()) + ")"))
                .orElse(null);
        return new ProductRow(product.id, product.name, label(status), css(status), note);
    }

    private static Entry entry(Incident incident) {
        IncidentUpdate latest = incident.latestUpdate();
        String period = incident.kind == IncidentKind.MAINTENANCE && incident.windowStart != null
                ? "Window " + WHEN.format(incident.windowStart) + " – " + WHEN.format(incident.windowEnd)
                : "Since " + WHEN.format(incident.begin) + (incident.end == null ? "" : " until " + WHEN.format(incident.end));
        return new Entry(incident.number, incident.title, incident.summary, label(incident.state.name()),
                label(incident.impact.name()),
                String.join(", ", incident.affectedProducts.stream().map(p -> p.name).sorted().toList()), period,
                latest == null ? "" : latest.message(), latest == null ? "" : WHEN.format(latest.createdAt()),
                incident.postmortemUrl, incident.kind == IncidentKind.MAINTENANCE);
    }

    private static Overall overall(ProductStatus worst) {
        return switch (worst) {
            case OPERATIONAL -> new Overall("All systems operational", "ok");
            case UNDER_MAINTENANCE -> new Overall("Maintenance in progress", "maintenance");
            case DEGRADED -> new Overall("Some systems are degraded", "degraded");
            case PARTIAL_OUTAGE -> new Overall("Partial outage", "partial");
            case MAJOR_OUTAGE -> new Overall("Major outage", "major");
        };
    }

    private static String css(ProductStatus status) {
        return overall(status).css();
    }

    private static String label(ProductStatus status) {
        return label(status.name());
    }

    /** MAJOR_OUTAGE -> Major outage */
    static String label(String constant) {
        String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

}
