package io.casework.sla.config;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "casework.sla")
public interface SlaConfig {

    /** Plan of an organization that has none recorded in {@code organization_plan}; must exist. */
    String defaultPlan();
}
