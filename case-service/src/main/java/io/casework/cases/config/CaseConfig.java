package io.casework.cases.config;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "casework")
public interface CaseConfig {

    CaseNumber caseNumber();

    /** How long after closing a customer comment still reopens the case (seed 002: 30 days). */
    @io.smallrye.config.WithDefault("P30D")
    java.time.Duration reopenWindow();

    /** A case left in SOLUTION_PROVIDED without an answer this long is closed automatically. */
    @io.smallrye.config.WithDefault("P7D")
    java.time.Duration autoCloseAfter();

    interface CaseNumber {
        /** Letters before the year in a case's human number, as in C-2026-000123. */
        String prefix();
    }
}
