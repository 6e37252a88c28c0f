package io.casework.cases.service;

import java.util.UUID;

import io.casework.cases.domain.Case;
import io.casework.cases.domain.CaseNotFoundException;
import io.casework.cases.domain.CaseRuleException;
import io.casework.cases.persistence.CaseRepository;
import io.casework.rest.Caller;
import io.casework.rest.IfMatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/**
 * Loads a case for a caller under the {@link AccessPolicy}. A case the caller may not see answers exactly
 * like a case that does not exist (404), so ids leak nothing.
 */
@ApplicationScoped
public class CaseAccess {

    private final CaseRepository cases;
    private final AccessPolicy policy;

    CaseAccess(CaseRepository cases, AccessPolicy policy) {
        this.cases = cases;
        this.policy = policy;
    }

    public boolean canSee(Case supportCase, Caller caller) {
        return policy.canRead(supportCase, caller);
    }

    /** The case for reading, or 404. */
    public Case visible(UUID id, Caller caller) {
        policy.requireMember(caller);
        Case supportCase = cases.findById(id);
        if (supportCase == null || !policy.canRead(supportCase, caller)) {
            throw new CaseNotFoundException(id);
        }
        return supportCase;
    }

    /**
     * The case for changing, locked for the rest of the transaction, or 404; the caller must be allowed to
     * write there (grant, contract); a version that If-Match does not name is 412.
     */
    public Case forUpdate(UUID id, Caller caller, IfMatch ifMatch) {
        policy.requireMember(caller);
        Case supportCase = cases.findById(id);
        if (supportCase == null || !policy.canRead(supportCase, caller)) {
            throw new CaseNotFoundException(id);
        }
        // Before locking: a contract that just ended is lapsed in its own transaction, which holds this case too.
        policy.requireWrite(supportCase.organization, caller);
        cases.getEntityManager().refresh(supportCase, LockModeType.PESSIMISTIC_WRITE);
        if (!ifMatch.allows(supportCase.version)) {
            throw new CaseRuleException(CaseRuleException.Kind.PRECONDITION_FAILED, "Stale version",
                    "The case changed since you read it (version " + supportCase.version + ", " + ifMatch
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
