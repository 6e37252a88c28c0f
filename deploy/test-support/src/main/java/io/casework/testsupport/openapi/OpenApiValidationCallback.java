package io.casework.testsupport.openapi;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Installs {@link OpenApiResponseValidation} before every {@code @QuarkusTest} method of every service that has this
 * module on its test classpath (registered in META-INF/services), so no test class has to opt in. A module can only
 * turn it off with the system property {@value #SWITCH}{@code =false} (its Surefire configuration), which a module
 * does only while its document is being brought in line.
 */
public class OpenApiValidationCallback implements QuarkusTestBeforeEachCallback {

    static final String SWITCH = "openapi-response-validation";

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!"false".equals(System.getProperty(SWITCH))) {
            OpenApiResponseValidation.install();
        }
    }
}
