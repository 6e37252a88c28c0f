package io.casework.status.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import io.casework.status.domain.Product;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class ProductRepository implements PanacheRepositoryBase<Product, String> {

    public List<Product> listByName() {
        return listAll(Sort.by("name").and("id"));
    }

    /**
     * The products with these ids, locked until the transaction ends, so that concurrent incident changes
     * recompute a product's status one after the other and each sees the other's committed incidents.
     * Sorted by id: transactions lock in the same order and cannot deadlock.
     */
    public List<Product> lockForStatusChange(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Product> locked = find("id in ?1", Sort.by("id"), ids).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        // Products loaded earlier in this transaction (with their incident) keep the state read then: read it again
        // now that no one else can change it.
        locked.forEach(getEntityManager()::refresh);
        return locked;
    }

    /** The ids of the products whose status override has passed its until by {@code now} and is still recorded. */
    public List<String> withLapsedOverride(Instant now) {
        return getEntityManager()
                .createQuery("select id from Product where overrideStatus is not null and overrideUntil <= :now",
                        String.class)
                .setParameter("now", now)
                .getResultList();
    }

    /**
     * What case rates are counted under for a product named in free text: the id of the product whose id
     * or name it is (ignoring case), else the text as given.
     */
    public String rateKeyFor(String product) {
        String text = product.strip();
        return find("lower(id) = ?1 or lower(name) = ?1", text.toLowerCase(Locale.ROOT))
                .firstResultOptional()
                .map(p -> p.id)
                .orElse(text);
    }
}
