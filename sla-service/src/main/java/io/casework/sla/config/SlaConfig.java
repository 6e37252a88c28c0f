package io.casework.sla.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "casework.sla")
public interface SlaConfig {

    /** Plan of an organization that has none recorded in {@code organization_plan}; must exist. */
    String defaultPlan();

    /** Share of a target's business time after which the warning event is sent (0 < share < 1). */
    @WithDefault("0.75")
    double warningShare();

    /** How often the firing scheduler looks for due warnings and breaches (the bound on their lateness). */
    String firingInterval();

    /** Most due targets one scheduler transaction claims. */
    @WithDefault("500")
    int firingBatchSize();
}
