package io.casework.status.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.casework.status.domain.CaseRate;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CaseRateRepository implements PanacheRepositoryBase<CaseRate, CaseRate.Key> {

    /** Counts one more case in the hour; an upsert, so concurrent consumers never lose a count. */
    public void increment(String product, Instant hourStart) {
        getEntityManager().createNativeQuery("""
                INSERT INTO case_rate (product, hour_start, cases) VALUES (:product, :hour, 1)
                ON CONFLICT (product, hour_start) DO UPDATE SET cases = case_rate.cases + 1
                """)
                .setParameter("product", product)
                .setParameter("hour", hourStart)
                .executeUpdate();
    }

    /** The product's count in each of these hours that had cases, by hour. */
    public Map<Instant, Integer> counts(String product, List<Instant> hours) {
        return list("product = ?1 and hourStart in ?2", product, hours).stream()
                .collect(Collectors.toMap(r -> r.hourStart, r -> r.cases));
    }

    /** Every product's hours from {@code from} on, or only {@code product}'s when it is not null. */
    public List<CaseRate> since(Instant from, String product) {
        Sort order = Sort.by("product").and("hourStart");
        return product == null
                ? list("hourStart >= ?1", order, from)
                : list("product = ?1 and hourStart >= ?2", order, product, from);
    }
}
