package io.casework.cases.search;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class PostgresCaseSearchTest extends CaseSearchContract {

    @Inject
    CaseSearch search;

    @Override
    protected CaseSearch search() {
        return search;
    }
}
