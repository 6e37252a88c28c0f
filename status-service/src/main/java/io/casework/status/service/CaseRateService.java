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
import io.casework.status.persistence.ProductRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Hourly counts of opened cases per product, as support watches them to spot incidents. */
@ApplicationScoped
public class CaseRateService {

    static final int HOURS = 24;

    private final CaseRateRepository rates;
    private final ProductRepository products;

    CaseRateService(CaseRateRepository rates, ProductRepository products) {
        this.rates = rates;
        this.products = products;
    }

    /** A product's cases in each of the last 24 hours, oldest first; the last hour is the current one. */
    public record HourlyCases(String product, List<HourCount> hours) {
    }

    public record HourCount(Instant hourStart, int cases) {
    }

    /** Counts a case opened at {@code openedAt} for the product named (free text) {@code product}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void countCaseOpened(String product, Instant openedAt) {
        rates.increment(products.rateKeyFor(product), openedAt.truncatedTo(ChronoUnit.HOURS));
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
