package io.casework.notifications.domain;

import java.util.Locale;

/** One spelling per mailbox, so that deliveries and preferences of the same person line up. */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    /** Trimmed and lower-cased: providers treat addresses case-insensitively, and so do we. */
    public static String normalize(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }
}
