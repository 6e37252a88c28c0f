package io.casework.rest;

import java.util.Set;

/**
 * Who is calling: identity, organization and roles as carried by the access token (realm roles of docs/access.md).
 * Staff are agents and admins; a partner is a reseller's user who is not staff; a customer is neither.
 */
public record Caller(String email, String organization, Set<String> roles) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isStaff() {
        return roles.contains("agent") || roles.contains("admin");
    }

    public boolean isPartner() {
        return roles.contains("partner") && !isStaff();
    }

    public boolean isCustomer() {
        return (roles.contains("customer") || roles.contains("customer-admin")) && !isStaff() && !isPartner();
    }
}
