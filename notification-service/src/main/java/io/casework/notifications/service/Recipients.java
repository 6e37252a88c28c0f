package io.casework.notifications.service;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.casework.notifications.domain.EmailAddresses;
import io.casework.notifications.domain.Language;
import io.casework.notifications.domain.Preference;
import io.casework.notifications.persistence.PreferenceRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Who a mail goes to and in which language, from the event and each person's preferences. */
@ApplicationScoped
public class Recipients {

    private final PreferenceRepository preferences;

    Recipients(PreferenceRepository preferences) {
        this.preferences = preferences;
    }

    /** The contact first, then each CC once, whatever the spelling. */
    public static List<String> contactAndCcs(String contact, List<String> ccs) {
        return distinct(Stream.concat(Stream.of(contact), ccs == null ? Stream.empty() : ccs.stream()));
    }

    public static List<String> distinct(Stream<String> addresses) {
        return addresses.filter(address -> address != null && !address.isBlank() && address.contains("@"))
                .map(EmailAddresses::normalize)
                .distinct()
                .toList();
    }

    /** The recipient's chosen language when they have set one, else {@code fallback} (English when unsupported). */
    public Language languageFor(String recipient, String fallback) {
        return preference(recipient).flatMap(p -> Language.of(p.language)).orElseGet(() -> Language.forMail(fallback));
    }

    /** Whether the recipient accepts optional mails about their cases (yes, until they say otherwise). */
    public boolean wantsCaseUpdates(String recipient) {
        return preference(recipient).map(p -> p.caseUpdates).orElse(true);
    }

    private Optional<Preference> preference(String recipient) {
        return preferences.findByEmail(EmailAddresses.normalize(recipient));
    }
}
