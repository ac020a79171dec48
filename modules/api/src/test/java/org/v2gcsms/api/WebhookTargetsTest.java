package org.v2gcsms.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.v2gcsms.sessions.outbound.OutboundUrls;

/** Which URLs a webhook may have: registration over real HTTP, and the address rule itself. */
class WebhookTargetsTest {
    static ApiFixture csms;

    @BeforeAll
    static void start() throws Exception {
        csms = new ApiFixture(); // WebhookPolicy.defaults(): private targets refused
    }

    @AfterAll
    static void stop() {
        csms.close();
    }

    @Test
    void registrationRefusesUrlsThatReachTheCsmsOwnNetwork() throws Exception {
        for (String url : List.of("http://127.0.0.1:8080/hook", "http://localhost/hook", "http://127.1.2.3/",
                "http://169.254.169.254/latest/meta-data/", "http://10.0.0.7/hook", "http://172.16.5.4/hook",
                "http://192.168.1.10/hook", "http://[::1]/hook", "http://[fd12:3456::1]/hook",
                "http://[fe80::1]/hook", "http://224.0.0.1/hook", "http://0.0.0.0:8180/api/v1/keys",
                "http://[::ffff:127.0.0.1]/hook", "HTTP://127.0.0.1/hook")) {
            ApiFixture.Answer a = register(url);
            assertEquals(400, a.status(), url + " -> " + a.text());
            assertEquals("url", a.object().get("field").getAsString(), a.text());
            assertTrue(a.object().get("error").getAsString().contains("webhook-allow-private"), a.text());
        }
        for (String url : List.of("file:///etc/passwd", "ftp://example.com/x", "gopher://example.com/",
                "http:///no-host", "http:no-slashes", "//example.com/x", "https://exa mple.com/", "not a url")) {
            ApiFixture.Answer a = register(url);
            assertEquals(400, a.status(), url + " -> " + a.text());
            assertEquals("url", a.object().get("field").getAsString(), a.text());
        }
        assertEquals(0, csms.get("/api/v1/webhooks", ApiFixture.ADMIN_KEY).json().getAsJsonArray().size(),
                "nothing was registered");
    }

    @Test
    void aPublicAddressIsRegistered() throws Exception {
        ApiFixture.Answer a = register("https://203.0.113.10:8443/csms-events");
        assertEquals(201, a.status(), a.text());
        assertEquals(204, csms.send("DELETE", "/api/v1/webhooks/" + a.object().get("id").getAsString(),
                ApiFixture.ADMIN_KEY, null).status());
    }

    private static ApiFixture.Answer register(String url) throws Exception {
        return csms.post("/api/v1/webhooks", ApiFixture.ADMIN_KEY, "{\"url\":\"" + url
                + "\",\"eventTypes\":[\"NeverPublished\"]}");
    }

    @Test
    void aNameWithAnyPrivateAddressAmongItsAddressesIsRefused() throws Exception {
        OutboundUrls targets = new OutboundUrls(false, "webhook-allow-private", host -> new InetAddress[] {
                InetAddress.getByName("203.0.113.10"), InetAddress.getByName("10.1.2.3")});
        OutboundUrls.Refused refused = assertThrows(OutboundUrls.Refused.class,
                () -> targets.check("https://two-faced.example/hook"));
        assertTrue(refused.getMessage().contains("10.1.2.3") && refused.getMessage().contains("private"),
                refused.getMessage());
        OutboundUrls unresolved = new OutboundUrls(false, "webhook-allow-private", host -> {
            throw new UnknownHostException(host);
        });
        assertThrows(UnknownHostException.class, () -> unresolved.check("https://gone.example/hook"));
    }

    @Test
    void allowingPrivateTargetsStillNeedsHttpWithAHost() throws Exception {
        OutboundUrls open = new OutboundUrls(true, "webhook-allow-private", host -> {
            throw new AssertionError("no lookup needed when private targets are allowed");
        });
        assertEquals(URI.create("http://127.0.0.1:9000/hook"), open.check("http://127.0.0.1:9000/hook"));
        assertThrows(OutboundUrls.Refused.class, () -> open.check("file:///etc/passwd"));
        assertThrows(OutboundUrls.Refused.class, () -> open.check("http:///no-host"));
    }

    @Test
    void addressKinds() throws Exception {
        for (String address : List.of("127.0.0.1", "::1", "0.0.0.0", "::", "0.1.2.3", "10.255.0.1", "172.31.9.9",
                "192.168.0.1", "169.254.169.254", "fe80::1", "fc00::1", "fdff::1", "224.0.0.251", "ff02::1",
                "100.64.0.1", "255.255.255.255", "::ffff:10.0.0.1", "::10.0.0.1", "64:ff9b::a9fe:a9fe")) {
            assertTrue(OutboundUrls.nonPublic(InetAddress.getByName(address)).isPresent(), address);
        }
        for (String address : List.of("203.0.113.10", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2001:db8::1",
                "2a00:1450:4001::200e", "::ffff:8.8.8.8")) {
            assertEquals(java.util.Optional.empty(), OutboundUrls.nonPublic(InetAddress.getByName(address)), address);
        }
    }
}
