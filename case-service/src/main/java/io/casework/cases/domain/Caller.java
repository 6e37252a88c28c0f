package io.casework.cases.domain;

import java.util.Set;

/** Who is calling: identity, organization and roles as carried by the access token. */
public record Caller(String email, String organization, Set<String> roles) {

    public boolean isStaff() {
        return roles.contains("agent") || roles.contains("admin");
    }

    public boolean isPartner() {
        return roles.contains("partner") && !isStaff();
    }

    public boolean isCustomer() {
        return (roles.contains("customer") || roles.contains("customer-admin")) && !isStaff() && !isPartner();
    }

    public Comment.AuthorKind authorKind() {
        return isStaff() ? Comment.AuthorKind.STAFF : isPartner() ? Comment.AuthorKind.PARTNER : Comment.AuthorKind.CUSTOMER;
    }
}
