package org.v2gcsms.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v21.DERControlEnumType;
import org.v2gcsms.ocpp.v21.GridEventFaultEnumType;
import org.v2gcsms.ocpp.v21.MeasurandEnumType;
import org.v2gcsms.ocpp.v21.NotifyDERAlarmRequest;
import org.v2gcsms.ocpp.v21.SampledValueType;
import org.v2gcsms.ocpp.v21.TransactionEventRequest;
import org.v2gcsms.ocpp.v21.TriggerReasonEnumType;
import org.v2gcsms.server.AutoRegistration;
import org.v2gcsms.server.CallTimeoutException;
import org.v2gcsms.server.InMemoryStationRegistry;
import org.v2gcsms.server.ServerConfig;

/** Each fault mode of {@link StationFaults}, and the protocol problems a run reports, as documented. */
class FaultModesTest {

    private static SimulatorHarness harness(TestCsms csms, OcppVersion version, double speedUp) throws Exception {
        SimulatorHarness h = new SimulatorHarness(csms, List.of(StationSpec.fastCharger("F-1", version, 1)),
                StationSettings.DEFAULTS, speedUp, SimulatorHarness.noArrivals());
        h.startAndAwaitBoot();
        return h;
    }

    @Test
    void transactionEventsOfAnOutageAreReplayedInSeqNoOrderWithoutANewBoot() throws Exception {
        try (SimulatorHarness h = harness(new TestCsms(), OcppVersion.V21, 120)) {
            h.station(0).plugIn(SimulatorHarness.ev("Kona", 0.3, 60)).get(10, TimeUnit.SECONDS);
            h.csms.await(r -> r.request() instanceof TransactionEventRequest, SimulatorHarness.WAIT);
            h.station(0).faults().disconnectFor(Duration.ofMinutes(5));
            List<TestCsms.Received> replayed = h.csms.awaitCount(r -> r.request() instanceof TransactionEventRequest e
                    && Boolean.TRUE.equals(e.offline()), 3, SimulatorHarness.WAIT);
            h.csms.await(r -> r.request() instanceof TransactionEventRequest e && !Boolean.TRUE.equals(e.offline())
                    && r.at().isAfter(replayed.getLast().at()), SimulatorHarness.WAIT);

            // In seqNo order and without gaps; the event on the wire when the link dropped may arrive twice.
            List<Integer> seqNos = h.csms.received.stream().filter(r -> r.request() instanceof TransactionEventRequest)
                    .map(r -> ((TransactionEventRequest) r.request()).seqNo()).toList();
            for (int i = 1; i < seqNos.size(); i++) {
                int step = seqNos.get(i) - seqNos.get(i - 1);
                assertTrue(step == 1 || step == 0, "TransactionEvents in seqNo order without gaps: " + seqNos);
            }
            assertEquals(0, seqNos.getFirst());
            assertEquals(1, h.csms.received.stream().filter(r -> r.action().equals("BootNotification")).count(),
                    "a reconnect is not a reboot");
            assertEquals(List.of(), h.simulation.log().problems(), "a requested disconnect is not a problem");
        }
    }

    @Test
    void profileRejectionAnswersRejectedWithAReason() throws Exception {
        try (SimulatorHarness h = harness(new TestCsms(), OcppVersion.V201, 60)) {
            h.station(0).faults().rejectProfiles(true);
            String profile = "{\"evseId\":0,\"chargingProfile\":{\"id\":1,\"stackLevel\":0,\"chargingProfilePurpose\":"
                    + "\"ChargingStationMaxProfile\",\"chargingProfileKind\":\"Relative\",\"chargingSchedule\":[{\"id\":1,"
                    + "\"chargingRateUnit\":\"A\",\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":32}]}]}}";
            var rejected = h.call("F-1", "SetChargingProfile", profile);
            assertEquals("Rejected", rejected.get("status").getAsString());
            assertEquals("SimulatedRejection", rejected.getAsJsonObject("statusInfo").get("reasonCode").getAsString());
            h.station(0).faults().rejectProfiles(false);
            assertEquals("Accepted", h.call("F-1", "SetChargingProfile", profile).get("status").getAsString());
        }
    }

    @Test
    void overFrequencyStopsExportAtOnceRaisesADerAlarmAndEndsIt() throws Exception {
        try (SimulatorHarness h = harness(new TestCsms(), OcppVersion.V21, 60)) {
            h.station(0).plugIn(SimulatorHarness.ev("Kona", 0.6, 60)).get(10, TimeUnit.SECONDS);
            TransactionEventRequest started = (TransactionEventRequest) h.csms.await(
                    r -> r.request() instanceof TransactionEventRequest, SimulatorHarness.WAIT).request();
            h.call("F-1", "SetChargingProfile", "{\"evseId\":1,\"chargingProfile\":{\"id\":1,\"stackLevel\":0,"
                    + "\"chargingProfilePurpose\":\"TxProfile\",\"chargingProfileKind\":\"Relative\",\"transactionId\":\""
                    + started.transactionInfo().transactionId() + "\",\"chargingSchedule\":[{\"id\":1,\"chargingRateUnit\":\"W\","
                    + "\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"setpoint\":-20000,\"operationMode\":\"CentralSetpoint\"}]}]}}");
            assertEquals(20_000, h.station(0).view(1).get().powerW() * -1, 1e-6, "discharging before the excursion");

            h.station(0).faults().grid(new GridReading(230, 61.6, false), Duration.ofMinutes(2)).get(10, TimeUnit.SECONDS);
            assertEquals(0, h.station(0).view(1).get().powerW(), 1e-6, "export stops at once");
            NotifyDERAlarmRequest alarm = (NotifyDERAlarmRequest) h.csms.await(TestCsms.action("F-1", "NotifyDERAlarm"),
                    SimulatorHarness.WAIT).request();
            assertEquals(DERControlEnumType.HFMustTrip, alarm.controlType());
            assertEquals(GridEventFaultEnumType.OverFrequency, alarm.gridEventFault());
            TransactionEventRequest abnormal = (TransactionEventRequest) h.csms.await(r -> r.request() instanceof TransactionEventRequest e
                    && value(e, MeasurandEnumType.Frequency) == 61.6, SimulatorHarness.WAIT).request();
            assertEquals(TriggerReasonEnumType.ChargingStateChanged, abnormal.triggerReason());
            assertEquals(0, value(abnormal, MeasurandEnumType.Power_Active_Export), 1e-9);

            NotifyDERAlarmRequest ended = (NotifyDERAlarmRequest) h.csms.await(r -> r.request() instanceof NotifyDERAlarmRequest a
                    && Boolean.TRUE.equals(a.alarmEnded()), SimulatorHarness.WAIT).request();
            assertEquals(GridEventFaultEnumType.OverFrequency, ended.gridEventFault());
            // Back inside the window, export waits for the enter-service delay (300 s), then resumes.
            h.csms.await(r -> r.request() instanceof TransactionEventRequest e && value(e, MeasurandEnumType.Power_Active_Export) == 20_000
                    && e.timestamp().isAfter(alarm.timestamp().plusSeconds(120 + 300)), SimulatorHarness.WAIT);
            assertTrue(h.csms.received.stream().noneMatch(r -> r.request() instanceof TransactionEventRequest e
                    && value(e, MeasurandEnumType.Power_Active_Export) > 0 && e.timestamp().isAfter(alarm.timestamp())
                    && e.timestamp().isBefore(ended.timestamp().plusSeconds(299))), "no export before the enter-service delay");
        }
    }

    @Test
    void islandingOnA201StationStopsAllPowerAndRaisesANotifyEvent() throws Exception {
        try (SimulatorHarness h = harness(new TestCsms(), OcppVersion.V201, 60)) {
            h.station(0).plugIn(SimulatorHarness.ev("Ioniq", 0.3, 60)).get(10, TimeUnit.SECONDS);
            h.csms.await(TestCsms.action("F-1", "TransactionEvent"), SimulatorHarness.WAIT);
            assertTrue(h.station(0).view(1).get().powerW() > 0);
            h.station(0).faults().grid(new GridReading(0, 0, true), Duration.ofMinutes(10)).get(10, TimeUnit.SECONDS);
            assertEquals(0, h.station(0).view(1).get().powerW(), 1e-6);
            var event = (org.v2gcsms.ocpp.v201.NotifyEventRequest) h.csms.await(TestCsms.action("F-1", "NotifyEvent"),
                    SimulatorHarness.WAIT).request();
            assertEquals("LocalEmergency", event.eventData().getFirst().techCode());
            assertTrue(event.eventData().getFirst().techInfo().contains("islanded"));
        }
    }

    @Test
    void slowAnswersRunPastTheCsmsCallTimeout() throws Exception {
        ServerConfig config = ServerConfig.builder().host("127.0.0.1").port(0).callTimeout(Duration.ofMillis(500)).build();
        try (SimulatorHarness h = harness(new TestCsms(config, new InMemoryStationRegistry(AutoRegistration.ACCEPT)),
                OcppVersion.V21, 60)) {
            h.station(0).faults().answerSlowly(Duration.ofSeconds(2));
            ExecutionException e = assertThrows(ExecutionException.class, () -> h.csms.stations().call("F-1",
                    org.v2gcsms.ocpp.v21.V21Actions.GET_LOCAL_LIST_VERSION,
                    new org.v2gcsms.ocpp.v21.GetLocalListVersionRequest(null)).get(10, TimeUnit.SECONDS));
            assertInstanceOf(CallTimeoutException.class, e.getCause());
            h.station(0).faults().answerSlowly(Duration.ZERO);
            assertEquals(0, h.call("F-1", "GetLocalListVersion", "{}").get("versionNumber").getAsInt());
        }
    }

    @Test
    void aCallErrorFromTheCsmsAndAnUnexpectedDisconnectAreReportedAsProblems() throws Exception {
        TestCsms csms = new TestCsms();
        try (SimulatorHarness h = harness(csms, OcppVersion.V21, 60)) {
            csms.answer("Authorize", "{\"idTokenInfo\":{\"status\":\"NoSuchStatus\"}}"); // the CSMS's own answer breaks the schema
            h.station(0).plugIn(SimulatorHarness.ev("Bolt", 0.5, 30)).get(10, TimeUnit.SECONDS);
            assertTrue(h.simulation.log().awaitProblem(Problem.Kind.CALL_ERROR, SimulatorHarness.WAIT));
            csms.close();
            assertTrue(h.simulation.log().awaitProblem(Problem.Kind.UNEXPECTED_DISCONNECT, SimulatorHarness.WAIT));
            h.simulation.stop().get(30, TimeUnit.SECONDS);
            List<Problem.Kind> kinds = h.simulation.log().problems().stream().map(Problem::kind).toList();
            assertTrue(kinds.contains(Problem.Kind.UNEXPECTED_DISCONNECT), kinds.toString());
            assertTrue(kinds.contains(Problem.Kind.CALL_ERROR), kinds.toString());
        }
    }

    private static double value(TransactionEventRequest e, MeasurandEnumType measurand) {
        return e.meterValue().getFirst().sampledValue().stream().filter(v -> v.measurand() == measurand)
                .mapToDouble(SampledValueType::value).findFirst().orElse(Double.NaN);
    }
}
