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

    /**
     * How often ended maintenance contracts are looked for (and lapsed): a {@code @Scheduled} period such as
     * {@code 1m}, or {@code off}. Read by {@code ContractService}'s schedule expression; declared here so that the key
     * is known (a mistyped one is refused at start).
     */
    @io.smallrye.config.WithDefault("1m")
    String contractCheck();

    /** How often cases left in SOLUTION_PROVIDED are looked for and closed ({@code AutoCloseJob}), or {@code off}. */
    @io.smallrye.config.WithDefault("1h")
    String autoCloseCheck();

    interface CaseNumber {
        /** Letters before the year in a case's human number, as in C-2026-000123. */
        String prefix();
    }
}
