package it.userbuild;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CamelMainUserBuildTest {

    @Test
    void theResolvedVersionsConverge() {
        Classpath.assertConverged();
    }

    @Test
    void aSignedEventWithDecimalNumbersRunsTheWebhookRoute() throws Exception {
        WebhookRun.Result result = WebhookRun.postDecimalEvent();
        assertEquals(200, result.status(), Classpath.describe());
        assertTrue(result.routeBody().contains("99.5"), result.routeBody());
    }
}
