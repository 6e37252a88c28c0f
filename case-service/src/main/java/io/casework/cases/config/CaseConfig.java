package io.casework.cases.config;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "casework")
public interface CaseConfig {

    CaseNumber caseNumber();

    interface CaseNumber {
        /** Letters before the year in a case's human number, as in C-2026-000123. */
        String prefix();
    }
}
