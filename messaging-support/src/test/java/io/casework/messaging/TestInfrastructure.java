package io.casework.messaging;

import io.casework.testsupport.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every test of this module runs against real PostgreSQL and Kafka. */
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "casework_messaging"))
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
