package io.casework.sla.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "casework.sla")
public interface SlaConfig {

    /** Plan of an organization that has none recorded in {@code organization_plan}; must exist. */
    String defaultPlan();

    /** Share of a target's business time after which the warning event is sent (0 < share < 1). */
    @WithDefault("0.75")
    double warningShare();

    /**
     * How long a firing claimer rests after finding less than a full batch due: with nothing backlogged, the bound
     * on how late a warning or breach is recorded (plus one batch's transaction).
     */
    Duration firingInterval();

    /** Most due targets one firing transaction claims. */
    @WithDefault("500")
    int firingBatchSize();

    /** Firing claimers per instance, each a loop of claim-and-fire transactions on its own rows (SKIP LOCKED). */
    @WithDefault("2")
    int firingClaimers();
}
