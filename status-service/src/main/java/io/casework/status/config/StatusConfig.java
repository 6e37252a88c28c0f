package io.casework.status.config;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "casework")
public interface StatusConfig {

    IncidentNumber incidentNumber();

    interface IncidentNumber {
        /** Letters before the year in an incident's human number, as in I-2026-0001. */
        String prefix();
    }
}
