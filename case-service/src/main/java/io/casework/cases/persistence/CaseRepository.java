package io.casework.cases.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.casework.cases.domain.Caller;
import io.casework.cases.domain.Case;
import io.casework.cases.domain.CaseState;
import io.casework.cases.domain.Priority;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<Case, UUID> {

    /** Sort orders the list supports; each is a keyset (timestamp, id) so cursors stay stable under inserts. */
    public enum Sort {
        UPDATED_DESC("updatedAt", false),
        UPDATED_ASC("updatedAt", true),
        CREATED_DESC("createdAt", false),
        CREATED_ASC("createdAt", true);

        final String field;
        final boolean ascending;

        Sort(String field, boolean ascending) {
            this.field = field;
            this.ascending = ascending;
        }

        public Instant keyOf(Case c) {
            return "updatedAt".equals(field) ? c.updatedAt : c.createdAt;
        }
    }

    /** Where the previous page ended. */
    public record Cursor(Instant at, UUID id) {
    }

    public record CaseFilter(Set<CaseState> states, Boolean open, Priority priority, String product, String creator,
            String assignee, Instant updatedSince, String text, Sort sort, Cursor after, int limit) {
    }

    public long nextNumber() {
        return ((Number) getEntityManager().createNativeQuery("SELECT nextval('case_number_seq')").getSingleResult())
                .longValue();
    }

    public Optional<Case> findByIdOptional(UUID id) {
        return Optional.ofNullable(findById(id));
    }

    /** One page of the cases {@code caller} may see that match {@code filter} (limit + 1 rows to detect more). */
    public List<Case> search(CaseFilter filter, Caller caller) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!caller.isStaff()) {
            if (caller.isPartner()) {
                // Filed while this reseller managed the client, which it still manages and which still grants access.
                where.add("c.resellerAtFiling = :reseller and exists (select 1 from Organization o where o.id = c.organization"
                        + " and o.reseller = :reseller and o.resellerAccess = true)");
                params.put("reseller", caller.organization());
            } else {
                where.add("c.organization = :org");
                params.put("org", caller.organization());
            }
        }
        if (filter.states() != null && !filter.states().isEmpty()) {
            where.add("c.state in :states");
            params.put("states", filter.states());
        }
        if (filter.open() != null) {
            where.add(filter.open() ? "c.state <> :closed" : "c.state = :closed");
            params.put("closed", CaseState.CLOSED);
        }
        if (filter.priority() != null) {
            where.add("c.priority = :priority");
            params.put("priority", filter.priority());
        }
        if (filter.product() != null) {
            where.add("lower(c.product) = :product");
            params.put("product", filter.product().toLowerCase(Locale.ROOT));
        }
        if (filter.creator() != null) {
            where.add("c.creator = :creator");
            params.put("creator", filter.creator());
        }
        if (filter.assignee() != null) {
            where.add("c.assignee = :assignee");
            params.put("assignee", filter.assignee());
        }
        if (filter.updatedSince() != null) {
            where.add("c.updatedAt >= :since");
            params.put("since", filter.updatedSince());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String visibleComments = caller.isStaff() ? "" : " and m.visibility = :public";
            if (!caller.isStaff()) {
                params.put("public", io.casework.cases.domain.Visibility.PUBLIC);
            }
            where.add("(lower(c.subject) like :text or lower(c.description) like :text or exists (select 1 from Comment m "
                    + "where m.caseId = c.id and lower(m.body) like :text" + visibleComments + "))");
            params.put("text", "%" + filter.text().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        Sort sort = filter.sort();
        if (filter.after() != null) {
            String cmp = sort.ascending ? ">" : "<";
            where.add("(c." + sort.field + " " + cmp + " :cursorAt or (c." + sort.field + " = :cursorAt and c.id " + cmp
                    + " :cursorId))");
            params.put("cursorAt", filter.after().at());
            params.put("cursorId", filter.after().id());
        }
        String direction = sort.ascending ? "asc" : "desc";
        String query = "from Case c" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by c." + sort.field + " " + direction + ", c.id " + direction;
        Parameters parameters = new Parameters();
        params.forEach(parameters::and);
        return find(query, parameters).page(0, filter.limit() + 1).list();
    }
}
