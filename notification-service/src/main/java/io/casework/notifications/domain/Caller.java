package io.casework.notifications.domain;

import java.util.Set;

/** Who is calling: identity, organization and roles as carried by the access token. */
public record Caller(String email, String organization, Set<String> roles) {
}
