package io.casework.sla.domain;

/** How many of the organization's users a problem hits. */
public enum UsersAffected {
    ONE,
    SEVERAL,
    ALL
}
