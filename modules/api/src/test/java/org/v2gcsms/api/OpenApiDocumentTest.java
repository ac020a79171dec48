package org.v2gcsms.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document lists exactly the router's endpoints, each with the role the router enforces. */
class OpenApiDocumentTest {
    static ApiFixture csms;

    @BeforeAll
    static void start() throws Exception {
        csms = ApiFixture.withSite();
    }

    @AfterAll
    static void stop() {
        csms.close();
    }

    @Test
    void everyRegisteredEndpointIsDocumentedWithItsRoleAndNothingElseIs() {
        Map<String, String> registered = new TreeMap<>();
        for (Endpoint e : csms.api.router().endpoints()) {
            registered.put(e.method() + " " + e.path().text(), e.role().wire());
        }
        JsonObject doc = JsonParser.parseString(new String(OpenApiEndpoint.document(), StandardCharsets.UTF_8))
                .getAsJsonObject();
        Map<String, String> documented = new TreeMap<>();
        doc.getAsJsonObject("paths").entrySet().forEach(path -> path.getValue().getAsJsonObject().entrySet()
                .forEach(op -> documented.put(op.getKey().toUpperCase() + " " + path.getKey(),
                        op.getValue().getAsJsonObject().get("x-role").getAsString())));
        assertEquals(registered, documented);
        assertEquals("3.0.3", doc.get("openapi").getAsString());
    }

    @Test
    void theDocumentIsServedToAnyKey() throws Exception {
        ApiFixture.Answer a = csms.get("/api/v1/openapi.json", csms.key(Role.VIEWER));
        assertEquals(200, a.status());
        assertEquals("v2g-csms back-office API", a.object().getAsJsonObject("info").get("title").getAsString());
        assertEquals(401, csms.get("/api/v1/openapi.json", null).status());
    }
}
