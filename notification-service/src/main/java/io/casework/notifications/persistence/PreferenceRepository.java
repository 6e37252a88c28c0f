package io.casework.notifications.persistence;

import java.util.Optional;

import io.casework.notifications.domain.Preference;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class PreferenceRepository implements PanacheRepositoryBase<Preference, String> {

    public Optional<Preference> findByEmail(String email) {
        return Optional.ofNullable(findById(email));
    }

    /** Locks the row, so concurrent updates of one person's preferences are checked one after the other. */
    public Optional<Preference> findByEmailForUpdate(String email) {
        return Optional.ofNullable(findById(email, LockModeType.PESSIMISTIC_WRITE));
    }
}
