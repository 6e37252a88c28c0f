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

    @ParameterizedTest(name = "{0} users, usable={1}, works={2}, workaround={3} -> {4} by {5}")
    @CsvSource(textBlock = """
            # users  | usable | works | workaround | priority | rule
            ALL      | false  | false | false      | P1       | UNUSABLE_FOR_SEVERAL_USERS
            SEVERAL  | false  | true  | false      | P1       | UNUSABLE_FOR_SEVERAL_USERS
            ONE      | false  | false | false      | P2       | UNUSABLE_FOR_ONE_USER
            ONE      | true   | false | false      | P2       | NOT_WORKING_NO_WORKAROUND
            ALL      | true   | false | false      | P2       | NOT_WORKING_NO_WORKAROUND
            ALL      | false  | false | true       | P3       | WORKAROUND_EXISTS
            ONE      | true   | false | true       | P3       | WORKAROUND_EXISTS
            ONE      | true   | true  | false      | P4       | WORKS_NOT_AS_WISHED
            SEVERAL  | true   | true  | true       | P4       | WORKS_NOT_AS_WISHED
            """, delimiter = '|')
    void withTheFourthAnswerTheFirstMatchingRuleChoosesTheLevel(UsersAffected users, boolean serviceUsable,
            boolean worksAsExpected, boolean workaroundExists, Priority expected, ImpactAssessment.Rule rule) {
        ImpactAssessment impact = new ImpactAssessment(users, serviceUsable, workaroundExists, worksAsExpected);
        assertEquals(rule, impact.rule());
        assertEquals(expected, impact.suggestedPriority());
    }

    @Test
    void anAssessmentNeedsToKnowHowManyUsersAreAffected() {
        assertThrows(IllegalArgumentException.class, () -> new ImpactAssessment(null, false, false));
    }
}
