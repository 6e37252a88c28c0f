package io.casework.sla.service;

import java.time.Instant;
import java.util.List;

import io.casework.sla.domain.Metric;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * SLA compliance per priority, organization or product: the targets started in a period (first responses and
 * update cycles), counted by where they stand now. Compliance is met / (met + breached): targets still running or
 * paused, and those stopped by a close before they were due, have no outcome yet and do not count. Test (sandbox)
 * cases are left out.
 */
@ApplicationScoped
public class ComplianceReportService {

    /** What the report is grouped by: each maps to one column of sla_clock. */
    public enum GroupBy {
        PRIORITY("priority"),
        ORGANIZATION("organization"),
        PRODUCT("product");

        private final String column;

        GroupBy(String column) {
            this.column = column;
        }
    }

    /** One group's counts; {@code key} null for targets without a product. */
    public record Row(String key, long met, long breached, long running, long paused, long stopped) {

        public long total() {
            return met + breached + running + paused + stopped;
        }

        /** Share of the decided targets that were met, in percent; null when none is decided yet. */
        public Double compliancePercent() {
            long decided = met + breached;
            return decided == 0 ? null : Math.round(1000.0 * met / decided) / 10.0;
        }

        Row plus(Row other) {
            return new Row(null, met + other.met, breached + other.breached, running + other.running,
                    paused + other.paused, stopped + other.stopped);
        }
    }

    public record Report(List<Row> groups, Row total) {
    }

    @Transactional
    public Report compliance(Instant from, Instant to, GroupBy groupBy, Metric metric) {
        // The column name comes from the enum, never from the request.
        String sql = "SELECT " + groupBy.column + " AS grp, "
                + "count(*) FILTER (WHERE state = 'MET'), count(*) FILTER (WHERE state = 'BREACHED'), "
                + "count(*) FILTER (WHERE state = 'RUNNING'), count(*) FILTER (WHERE state = 'PAUSED'), "
                + "count(*) FILTER (WHERE state = 'STOPPED') "
                + "FROM sla_clock WHERE started_at >= ?1 AND started_at < ?2 AND NOT test_case"
                + (metric != null ? " AND metric = ?3" : "")
                + " GROUP BY grp ORDER BY grp NULLS LAST";
        var query = Panache.getEntityManager().createNativeQuery(sql).setParameter(1, from).setParameter(2, to);
        if (metric != null) {
            query.setParameter(3, metric.name());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> result = query.getResultList();
        List<Row> rows = result.stream().map(r -> new Row((String) r[0], count(r[1]), count(r[2]), count(r[3]),
                count(r[4]), count(r[5]))).toList();
        Row total = rows.stream().reduce(new Row(null, 0, 0, 0, 0, 0), Row::plus);
        return new Report(rows, total);
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }
}
