package io.casework.sla.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImpactAssessmentTest {

    @ParameterizedTest(name = "{0} users, usable={1}, workaround={2} -> {3}")
    @CsvSource(textBlock = """
            # users  | usable | workaround | priority
            ALL      | false  | false      | P1
            SEVERAL  | false  | false      | P1
            ONE      | false  | false      | P2
            ALL      | false  | true       | P3
            SEVERAL  | false  | true       | P3
            ONE      | false  | true       | P3
            ALL      | true   | true       | P3
            SEVERAL  | true   | true       | P3
            ONE      | true   | true       | P3
            ALL      | true   | false      | P4
            SEVERAL  | true   | false      | P4
            ONE      | true   | false      | P4
            """, delimiter = '|')
    void suggestsThePriorityWhoseDefinitionTheImpactMeets(UsersAffected users, boolean serviceUsable,
            boolean workaroundExists, Priority expected) {
        assertEquals(expected, new ImpactAssessment(users, serviceUsable, workaroundExists).suggestedPriority());
    }

    @Test
    void anAssessmentNeedsToKnowHowManyUsersAreAffected() {
        assertThrows(IllegalArgumentException.class, () -> new ImpactAssessment(null, false, false));
    }
}
