package io.casework.messaging.observability;

import io.quarkus.arc.Arc;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Runs an action once the current transaction commits (never on rollback), or at once outside a transaction. */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static void run(Runnable action) {
        TransactionSynchronizationRegistry registry = Arc.container().instance(TransactionSynchronizationRegistry.class).get();
        if (registry == null || registry.getTransactionStatus() != Status.STATUS_ACTIVE) {
            action.run();
            return;
        }
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
