package io.casework.notifications.service;

import java.time.Instant;
import java.util.Optional;

import io.casework.messaging.outbox.EventOutbox;
import io.casework.notifications.domain.EmailAddresses;
import io.casework.notifications.domain.Language;
import io.casework.notifications.domain.PreconditionRequiredException;
import io.casework.notifications.domain.Preference;
import io.casework.notifications.domain.StaleVersionException;
import io.casework.notifications.messaging.event.PreferencesChanged;
import io.casework.notifications.persistence.PreferenceRepository;
import io.casework.rest.IfMatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

/** A person's notification preferences; every change writes its event to the outbox in the same transaction. */
@ApplicationScoped
public class PreferenceService {

    private final PreferenceRepository preferences;
    private final EventOutbox outbox;

    PreferenceService(PreferenceRepository preferences, EventOutbox outbox) {
        this.preferences = preferences;
        this.outbox = outbox;
    }

    public record Saved(Preference preference, boolean created) {
    }

    @Transactional
    public Optional<Preference> find(String email) {
        return preferences.findByEmail(EmailAddresses.normalize(email));
    }

    /**
     * Creates or replaces {@code email}'s preferences. Creating needs no If-Match; replacing needs the current
     * version in If-Match (428 without, 412 when stale), so that no one overwrites a change they have not seen.
     */
    @Transactional
    public Saved save(String email, Language language, boolean caseUpdates, IfMatch ifMatch) {
        String key = EmailAddresses.normalize(email);
        Optional<Preference> current = preferences.findByEmailForUpdate(key);
        if (current.isEmpty()) {
            if (ifMatch.present()) {
                throw new StaleVersionException("No preferences are stored for " + key + " yet: send no If-Match to create them");
            }
            return new Saved(create(key, language, caseUpdates), true);
        }
        Preference preference = current.get();
        if (!ifMatch.present()) {
            throw new PreconditionRequiredException(
                    "Preferences exist: send If-Match with the ETag of the version you are replacing");
        }
        if (!ifMatch.matches(preference.version)) {
            throw new StaleVersionException("Preferences were changed since you read them: read them again (version "
                    + preference.version + ")");
        }
        if (preference.language.equals(language.code()) && preference.caseUpdates == caseUpdates) {
            return new Saved(preference, false);
        }
        preference.language = language.code();
        preference.caseUpdates = caseUpdates;
        preference.updatedAt = Instant.now();
        preferences.flush(); // increments the version, which the event and the ETag carry
        announce(preference);
        return new Saved(preference, false);
    }

    private Preference create(String email, Language language, boolean caseUpdates) {
        Preference preference = new Preference();
        preference.email = email;
        preference.language = language.code();
        preference.caseUpdates = caseUpdates;
        preference.updatedAt = Instant.now();
        try {
            preferences.persist(preference);
            preferences.flush();
        } catch (PersistenceException e) {
            // Another request created them between our read and this insert.
            throw new StaleVersionException("Preferences for " + email + " were just created: read them and send If-Match");
        }
        announce(preference);
        return preference;
    }

    private void announce(Preference preference) {
        outbox.record(PreferencesChanged.TYPE, preference.email, new PreferencesChanged(preference.email,
                preference.language, preference.caseUpdates, preference.version, preference.updatedAt));
    }
}
