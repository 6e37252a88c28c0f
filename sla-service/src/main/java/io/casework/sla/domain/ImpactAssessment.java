package io.casework.sla.domain;

/**
 * A customer's answers about a problem's impact, from which a priority is suggested by the seeds' rules:
 * <pre>
 * service usable | workaround | users affected | priority
 * no             | no         | several or all | P1  critical access problem for several users, service unusable
 * no             | no         | one            | P2  critical access problem for one user
 * either         | yes        | any            | P3  not working as expected, but a workaround exists
 * yes            | no         | any            | P4  works, not as wished; no workaround needed
 * </pre>
 */
public record ImpactAssessment(UsersAffected usersAffected, boolean serviceUsable, boolean workaroundExists) {

    public ImpactAssessment {
        if (usersAffected == null) {
            throw new IllegalArgumentException("usersAffected is required");
        }
    }

    public Priority suggestedPriority() {
        if (workaroundExists) {
            return Priority.P3;
        }
        if (serviceUsable) {
            return Priority.P4;
        }
        return usersAffected == UsersAffected.ONE ? Priority.P2 : Priority.P1;
    }
}
