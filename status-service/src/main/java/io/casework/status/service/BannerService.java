package io.casework.status.service;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import io.casework.rest.Caller;
import io.casework.status.domain.Incident;
import io.casework.status.persistence.IncidentRepository;
import io.casework.status.persistence.OrganizationProductRepository;
import io.casework.status.persistence.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The support center's notification banner (seed 002): open known issues on the signed-in user's products.
 * status-service does not know who uses what; "their products" are the catalogue products their organization
 * filed cases about in the last 90 days (from case.opened) plus those of the issues they subscribed to.
 */
@ApplicationScoped
public class BannerService {

    static final Duration ORGANIZATION_PRODUCTS_WINDOW = Duration.ofDays(90);

    private final IncidentRepository incidents;
    private final OrganizationProductRepository organizationProducts;
    private final SubscriptionRepository subscriptions;

    BannerService(IncidentRepository incidents, OrganizationProductRepository organizationProducts,
            SubscriptionRepository subscriptions) {
        this.incidents = incidents;
        this.organizationProducts = organizationProducts;
        this.subscriptions = subscriptions;
    }

    public record BannerItem(Incident incident, boolean subscribed) {
    }

    public record Banner(Set<String> products, List<BannerItem> items) {
    }

    @Transactional
    public Banner of(Caller caller, Instant now) {
        Set<UUID> subscribed = subscriptions.bySubscriber(caller.email()).stream()
                .map(s -> s.incidentId).collect(Collectors.toSet());
        Set<String> products = new TreeSet<>();
        if (caller.organization() != null) {
            products.addAll(organizationProducts.productsOf(caller.organization(), now.minus(ORGANIZATION_PRODUCTS_WINDOW)));
        }
        subscribed.forEach(id -> incidents.findByIdOptional(id).ifPresent(i -> products.addAll(i.affectedProductIds())));
        Map<UUID, BannerItem> items = new LinkedHashMap<>();
        for (Incident incident : incidents.openAffectingAny(products)) {
            items.put(incident.id, new BannerItem(incident, subscribed.contains(incident.id)));
        }
        return new Banner(products, List.copyOf(items.values()));
    }
}
