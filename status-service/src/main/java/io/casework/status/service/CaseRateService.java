package io.casework.status.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.casework.status.persistence.CaseRateRepository;
import io.casework.status.persistence.OrganizationProductRepository;
import io.casework.status.persistence.ProductRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Hourly counts of opened cases per product, as support watches them to spot incidents. */
@ApplicationScoped
public class CaseRateService {

    static final int HOURS = 24;

    private final CaseRateRepository rates;
    private final ProductRepository products;
    private final OrganizationProductRepository organizationProducts;
    private final SpikeDetectionService spikes;

    CaseRateService(CaseRateRepository rates, ProductRepository products,
            OrganizationProductRepository organizationProducts, SpikeDetectionService spikes) {
        this.rates = rates;
        this.products = products;
        this.organizationProducts = organizationProducts;
        this.spikes = spikes;
    }

    /** A product's cases in each of the last 24 hours, oldest first; the last hour is the current one. */
    public record HourlyCases(String product, List<HourCount> hours) {
    }

    public record HourCount(Instant hourStart, int cases) {
    }

    /**
     * Counts a case opened at {@code openedAt} for the product named (free text) {@code product}, remembers that
     * the organization uses the product (its banner), and checks the hour for a spike.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void countCaseOpened(String organization, String product, Instant openedAt) {
        String key = products.rateKeyFor(product);
        Instant hour = openedAt.truncatedTo(ChronoUnit.HOURS);
        rates.increment(key, hour);
        if (organization != null && !organization.isBlank() && products.findById(key) != null) {
            organizationProducts.recordCase(organization, key, openedAt);
        }
        spikes.evaluate(key, hour);
    }

    /**
     * The last 24 hours of the product named {@code product} (by id, name or as filed), or of every
     * product that had cases in them when {@code product} is null. Hours without cases count 0.
     */
    @Transactional
    public List<HourlyCases> lastDay(String product, Instant now) {
        Instant currentHour = now.truncatedTo(ChronoUnit.HOURS);
        Instant from = currentHour.minus(Duration.ofHours(HOURS - 1));
        String key = product == null ? null : products.rateKeyFor(product);
        Map<String, Map<Instant, Integer>> counts = rates.since(from, key).stream()
                .collect(Collectors.groupingBy(r -> r.product, LinkedHashMap::new,
                        Collectors.toMap(r -> r.hourStart, r -> r.cases)));
        if (key != null) {
            counts.putIfAbsent(key, Map.of());
        }
        List<HourlyCases> series = new ArrayList<>(counts.size());
        counts.forEach((name, byHour) -> {
            List<HourCount> hours = new ArrayList<>(HOURS);
            for (int i = 0; i < HOURS; i++) {
                Instant hour = from.plus(Duration.ofHours(i));
                hours.add(new HourCount(hour, byHour.getOrDefault(hour, 0)));
            }
            series.add(new HourlyCases(name, hours));
        });
        return series;
    }
}
