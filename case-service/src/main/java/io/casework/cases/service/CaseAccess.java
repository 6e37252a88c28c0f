package io.casework.cases.service;

import java.util.UUID;

import io.casework.cases.domain.Caller;
import io.casework.cases.domain.Case;
import io.casework.cases.domain.CaseNotFoundException;
import io.casework.cases.domain.CaseRuleException;
import io.casework.cases.persistence.CaseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/**
 * Who may see which case. A case the caller may not see answers exactly like a case that does not
 * exist (404), so ids leak nothing.
 */
@ApplicationScoped
public class CaseAccess {

    private final CaseRepository cases;

    CaseAccess(CaseRepository cases) {
        this.cases = cases;
    }

    public static boolean canSee(Case supportCase, Caller caller) {
        if (caller.isStaff()) {
            return true;
        }
        if (caller.isPartner()) {
            return caller.organization() != null && caller.organization().equals(supportCase.filedByReseller);
        }
        return supportCase.organization.equals(caller.organization());
    }

    /** The case for reading, or 404. */
    public Case visible(UUID id, Caller caller) {
        Case supportCase = cases.findById(id);
        if (supportCase == null || !canSee(supportCase, caller)) {
            throw new CaseNotFoundException(id);
        }
        return supportCase;
    }

    /**
     * The case for changing, locked for the rest of the transaction, or 404; with {@code expectedVersion}
     * (from If-Match) a stale version is 412.
     */
    public Case forUpdate(UUID id, Caller caller, Long expectedVersion) {
        Case supportCase = cases.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (supportCase == null || !canSee(supportCase, caller)) {
            throw new CaseNotFoundException(id);
        }
        if (expectedVersion != null && expectedVersion != supportCase.version) {
            throw new CaseRuleException(CaseRuleException.Kind.PRECONDITION_FAILED, "Stale version",
                    "The case changed since you read it (version " + supportCase.version + ", If-Match " + expectedVersion
                            + "): read it again and retry");
        }
        return supportCase;
    }

    public static void requireStaff(Caller caller, String action) {
        if (!caller.isStaff()) {
            throw new CaseRuleException(CaseRuleException.Kind.FORBIDDEN, "Support staff only",
                    "Only support staff can " + action);
        }
    }
}
