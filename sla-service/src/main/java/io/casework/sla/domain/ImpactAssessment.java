package io.casework.sla.domain;

/**
 * A customer's answers about a problem's impact, from which a priority is suggested by the seeds' definitions
 * (SPEC.md "Priority"; seeds 000/001/004). The rules are tried in order and the first that matches decides:
 * <pre>
 * rule                          | service usable | works as expected | workaround | users   | priority
 * UNUSABLE_FOR_SEVERAL_USERS    | no             | -                 | no         | several | P1
 * UNUSABLE_FOR_ONE_USER         | no             | -                 | no         | one     | P2
 * NOT_WORKING_NO_WORKAROUND     | yes            | no                | no         | any     | P2
 * WORKAROUND_EXISTS             | (not both yes)                     | yes        | any     | P3
 * WORKS_NOT_AS_WISHED           | yes            | yes               | any        | any     | P4
 * </pre>
 * An unusable service cannot work as expected, so {@code worksAsExpected} only matters when it is usable. Without
 * an answer to it (the original three-question form), it is taken as "usable and no workaround needed", which
 * keeps that form's results.
 */
public record ImpactAssessment(UsersAffected usersAffected, boolean serviceUsable, boolean workaroundExists,
        Boolean worksAsExpected) {

    public ImpactAssessment {
        if (usersAffected == null) {
            throw new IllegalArgumentException("usersAffected is required");
        }
    }

    public ImpactAssessment(UsersAffected usersAffected, boolean serviceUsable, boolean workaroundExists) {
        this(usersAffected, serviceUsable, workaroundExists, null);
    }

    /** The rules, in the order they are tried. */
    public enum Rule {
        UNUSABLE_FOR_SEVERAL_USERS(Priority.P1, "The service is down or unusable for several or all users and there "
                + "is no workaround: a critical access problem affecting several users."),
        UNUSABLE_FOR_ONE_USER(Priority.P2, "The service is unusable for one user and there is no workaround: a "
                + "critical access problem affecting one user."),
        NOT_WORKING_NO_WORKAROUND(Priority.P2, "The product does not work as expected (e.g. collaboration between "
                + "users is hindered) and there is no acceptable workaround."),
        WORKAROUND_EXISTS(Priority.P3, "The product does not work as expected, but a workaround exists."),
        WORKS_NOT_AS_WISHED(Priority.P4, "The product works, just not as wished; no workaround is needed.");

        private final Priority priority;
        private final String description;

        Rule(Priority priority, String description) {
            this.priority = priority;
            this.description = description;
        }

        public Priority priority() {
            return priority;
        }

        public String description() {
            return description;
        }
    }

    public Rule rule() {
        boolean works = worksAsExpected != null ? worksAsExpected : serviceUsable && !workaroundExists;
        if (!serviceUsable && !workaroundExists) {
            return usersAffected == UsersAffected.ONE ? Rule.UNUSABLE_FOR_ONE_USER : Rule.UNUSABLE_FOR_SEVERAL_USERS;
        }
        if (serviceUsable && works) {
            return Rule.WORKS_NOT_AS_WISHED;
        }
        return workaroundExists ? Rule.WORKAROUND_EXISTS : Rule.NOT_WORKING_NO_WORKAROUND;
    }

    public Priority suggestedPriority() {
        return rule().priority();
    }
}
