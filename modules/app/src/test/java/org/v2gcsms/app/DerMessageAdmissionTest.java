package org.v2gcsms.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2gcsms.api.TestStation;
import org.v2gcsms.gridsafety.GridSafetyEvent;
import org.v2gcsms.gridsafety.lom.LomState;
import org.v2gcsms.server.AutoRegistration;

/**
 * The DER messages a station sends (NotifyDERAlarm, NotifyDERStartStop, ReportDERControl) pass the same admission
 * gate as every other station CALL: from a station that is not accepted they are answered SecurityError and grid
 * safety never sees them, so an unaccepted station cannot trip a site; once it is accepted, its alarm trips.
 */
class DerMessageAdmissionTest {
    private static final String BOOT = "{\"reason\":\"PowerUp\",\"chargingStation\":{\"model\":\"M\",\"vendorName\":\"V\"}}";

    @Test
    void aPendingStationsDerMessagesAreRefusedAndDoNotTripTheSiteAnAcceptedOnesAlarmDoes(@TempDir Path dir)
            throws Exception {
        Path config = SiteConfigDir.create(dir.resolve("config"));
        SiteConfigDir.site(config, "P", "stations=P-*\nimport-limit-kw=500\nexport-limit-kw=400\ngrid-code=ieee1547-cat2");
        SiteConfigDir.gridSafety(config, "P", "override.export-limit-kw = 400");
        try (Csms csms = Csms.start(CsmsSettings.local(0, dir.resolve("data")).withConfigDir(config)
                .withAutoRegister(AutoRegistration.PENDING))) {
            List<GridSafetyEvent> events = new CopyOnWriteArrayList<>();
            csms.domain().events().subscribe(e -> {
                if (e instanceof GridSafetyEvent g) {
                    events.add(g);
                }
            });
            TestStation station = TestStation.connect(csms.ocppUrl(), "P-1", "ocpp2.1");
            // Provisioning fails at its first step, so the station stays pending until the operator accepts it.
            station.answering("GetBaseReport", p -> TestStation.json("{\"status\":\"Rejected\"}"));
            station.answering("SetDERControl", p -> TestStation.json("{\"status\":\"Accepted\"}"));
            assertEquals("Pending", station.ok("BootNotification", BOOT).get("status").getAsString());

            String alarm = "{\"controlType\":\"LFMustTrip\",\"gridEventFault\":\"UnderFrequency\",\"timestamp\":\""
                    + Instant.now() + "\"}";
            assertEquals("SecurityError", refused(station.call("NotifyDERAlarm", alarm)));
            assertEquals("SecurityError", refused(station.call("NotifyDERStartStop",
                    "{\"controlId\":\"x\",\"started\":true,\"timestamp\":\"" + Instant.now() + "\"}")));
            assertEquals("SecurityError", refused(station.call("ReportDERControl", "{\"requestId\":1}")));
            assertInstanceOf(LomState.Normal.class, csms.gridSafety().supervisor().site("P").orElseThrow().state(),
                    "a pending station's alarm does not trip the site");
            assertEquals(List.of(), events, "grid safety saw none of them (events are published on the caller's thread)");

            csms.domain().stations().accept("P-1");
            station.ok("NotifyDERAlarm", alarm);
            LomState state = csms.gridSafety().supervisor().site("P").orElseThrow().state();
            assertEquals("NotifyDERAlarm LFMustTrip UnderFrequency from P-1",
                    assertInstanceOf(LomState.Tripped.class, state).cause());
            assertTrue(events.stream().anyMatch(GridSafetyEvent.LossOfMainsTripped.class::isInstance), events.toString());
            station.closeBlocking();
        }
    }

    private static String refused(Object answer) {
        return assertInstanceOf(TestStation.CallError.class, answer).code();
    }
}
