package org.v2gcsms.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.v2gcsms.ocpp.ErrorCode;
import org.v2gcsms.ocpp.OcppError;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v21.AuthorizationStatusEnumType;
import org.v2gcsms.ocpp.v21.AuthorizeRequest;
import org.v2gcsms.ocpp.v21.BootNotificationRequest;
import org.v2gcsms.ocpp.v21.BootReasonEnumType;
import org.v2gcsms.ocpp.v21.ChargingStationType;
import org.v2gcsms.ocpp.v21.GetLocalListVersionRequest;
import org.v2gcsms.ocpp.v21.GetLocalListVersionResponse;
import org.v2gcsms.ocpp.v21.GetTransactionStatusRequest;
import org.v2gcsms.ocpp.v21.GetTransactionStatusResponse;
import org.v2gcsms.ocpp.v21.HeartbeatRequest;
import org.v2gcsms.ocpp.v21.IdTokenType;
import org.v2gcsms.ocpp.v21.RegistrationStatusEnumType;
import org.v2gcsms.ocpp.v21.SecurityEventNotificationRequest;
import org.v2gcsms.ocpp.v21.SendLocalListRequest;
import org.v2gcsms.ocpp.v21.SendLocalListResponse;
import org.v2gcsms.ocpp.v21.SendLocalListStatusEnumType;
import org.v2gcsms.sessions.CsmsDomain;
import org.v2gcsms.sessions.DomainSettings;
import org.v2gcsms.sessions.StationContext;
import org.v2gcsms.sessions.auth.LocalAuthList;
import org.v2gcsms.sessions.auth.TokenRecord;
import org.v2gcsms.sessions.auth.UnknownTokenPolicy;
import org.v2gcsms.sessions.notices.NoticeKind;
import org.v2gcsms.sessions.notices.StationNotice;
import org.v2gcsms.sessions.stations.RegistrationStatus;
import org.v2gcsms.sessions.stations.StationSecret;
import org.v2gcsms.sessions.stations.StationSettings;
import org.v2gcsms.sessions.stations.UnknownStationPolicy;
import org.v2gcsms.sessions.transactions.StaleTransactionPolicy;
import org.v2gcsms.sessions.transactions.Transaction;
import org.v2gcsms.sessions.transactions.TransactionState;

/** The domain services over a real store; the station end of the outbound port is a {@link FakeStation}. */
class DomainServicesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);
    private static final BootNotificationRequest BOOT = new BootNotificationRequest(
            new ChargingStationType("M1", "Acme"), BootReasonEnumType.PowerUp);

    private static CsmsDomain domain(Store store, FakeStation station, UnknownStationPolicy stations,
                                     UnknownTokenPolicy tokens) {
        return new CsmsDomain(store.repositories(), station, new DomainSettings(
                StationSettings.of(Duration.ofSeconds(300), stations), tokens,
                new StaleTransactionPolicy(Duration.ofHours(1), Duration.ofMinutes(5))), CLOCK);
    }

    private static StationContext ctx(String id) {
        return new StationContext(id, OcppVersion.V21, 1);
    }

    @DatabaseTest
    void heartbeatTimesAreWrittenInBatchesAndNeverMoveLastSeenBack(Store store) throws Exception {
        Instant t0 = Instant.parse("2026-11-21T12:00:00Z");
        ManualClock clock = new ManualClock(t0);
        CsmsDomain domain = new CsmsDomain(store.repositories(), new FakeStation(), new DomainSettings(
                StationSettings.of(Duration.ofSeconds(300), UnknownStationPolicy.ACCEPT), UnknownTokenPolicy.REJECT,
                new StaleTransactionPolicy(Duration.ofHours(1), Duration.ofMinutes(5))), clock);
        domain.stations().connected(ctx("HB1"));
        domain.messages().answer(ctx("HB1"), BOOT);
        Instant booted = store.repositories().stations().find("HB1").orElseThrow().lastSeen();

        clock.advance(Duration.ofSeconds(30));
        domain.messages().answer(ctx("HB1"), new HeartbeatRequest(null));
        assertEquals(booted, store.repositories().stations().find("HB1").orElseThrow().lastSeen(),
                "a heartbeat is not a write of its own");
        domain.stations().flushLastSeen();
        assertEquals(t0.plusSeconds(30), store.repositories().stations().find("HB1").orElseThrow().lastSeen());

        clock.advance(Duration.ofSeconds(30));
        domain.messages().answer(ctx("HB1"), new HeartbeatRequest(null));
        store.repositories().stations().disconnected("HB1", t0.plusSeconds(90));
        domain.stations().flushLastSeen();
        assertEquals(t0.plusSeconds(90), store.repositories().stations().find("HB1").orElseThrow().lastSeen(),
                "an older heartbeat never overwrites a later disconnect");
    }

    @DatabaseTest
    void vendorDataTransfersAndReportChunksAreKeptAndAnswered(Store store) throws Exception {
        CsmsDomain domain = domain(store, new FakeStation(), UnknownStationPolicy.ACCEPT, UnknownTokenPolicy.REJECT);
        domain.stations().connected(ctx("DT1"));
        domain.messages().answer(ctx("DT1"), BOOT);

        var answer = (org.v2gcsms.ocpp.v21.DataTransferResponse) domain.messages().answer(ctx("DT1"),
                new org.v2gcsms.ocpp.v21.DataTransferRequest("ping", null, "com.example", null));
        assertEquals(org.v2gcsms.ocpp.v21.DataTransferStatusEnumType.UnknownVendorId, answer.status());
        domain.messages().answer(ctx("DT1"), new org.v2gcsms.ocpp.v21.ReportChargingProfilesRequest(7, "CSO",
                List.of(), false, 1, null));

        assertEquals("com.example ping",
                domain.notices().find("DT1", NoticeKind.DATA_TRANSFER, Instant.EPOCH, 10).getFirst().type());
        assertEquals("request 7 evse 1 CSO",
                domain.notices().find("DT1", NoticeKind.CHARGING_PROFILES_REPORT, Instant.EPOCH, 10).getFirst().type());
    }

    @DatabaseTest
    void unknownStationsAreAnsweredByPolicyAndKnownOnesAccepted(Store store) throws Exception {
        CsmsDomain rejecting = domain(store, new FakeStation(), UnknownStationPolicy.REJECT, UnknownTokenPolicy.REJECT);
        store.repositories().stations().register(new StationSecret("KNOWN", 2, java.util.Optional.of("pbkdf2$x")));

        rejecting.stations().connected(ctx("KNOWN"));
        rejecting.stations().connected(ctx("STRANGER"));
        var known = (org.v2gcsms.ocpp.v21.BootNotificationResponse) rejecting.messages().answer(ctx("KNOWN"), BOOT);
        var stranger = (org.v2gcsms.ocpp.v21.BootNotificationResponse) rejecting.messages().answer(ctx("STRANGER"),
                BOOT);

        assertEquals(RegistrationStatusEnumType.Accepted, known.status());
        assertEquals(300, known.interval());
        assertEquals(RegistrationStatusEnumType.Rejected, stranger.status());
        OcppError refused = assertThrows(OcppError.class,
                () -> rejecting.messages().answer(ctx("STRANGER"), new HeartbeatRequest(null)));
        assertEquals(ErrorCode.SecurityError, refused.code());
        rejecting.messages().answer(ctx("KNOWN"), new HeartbeatRequest(null));
        assertEquals(RegistrationStatus.REJECTED,
                store.repositories().stations().find("STRANGER").orElseThrow().registrationStatus());
    }

    @DatabaseTest
    void tokensAreAuthorizedByStatusExpiryAndGroupAndUnknownOnesByPolicy(Store store) throws Exception {
        FakeStation station = new FakeStation();
        store.repositories().tokens().save(new TokenRecord("OK", "ISO14443", AuthorizationStatusEnumType.Accepted,
                CLOCK.instant().plusSeconds(3600), "FLEET"));
        store.repositories().tokens().save(new TokenRecord("OLD", "ISO14443", AuthorizationStatusEnumType.Accepted,
                CLOCK.instant().minusSeconds(1), null));
        store.repositories().tokens().save(new TokenRecord("BAD", "ISO14443", AuthorizationStatusEnumType.Blocked,
                null, null));
        CsmsDomain strict = domain(store, station, UnknownStationPolicy.ACCEPT, UnknownTokenPolicy.REJECT);
        CsmsDomain lenient = domain(store, station, UnknownStationPolicy.ACCEPT, UnknownTokenPolicy.ACCEPT);

        var ok = strict.authorizer().authorize(new AuthorizeRequest(new IdTokenType("OK", "ISO14443"))).idTokenInfo();
        assertEquals(AuthorizationStatusEnumType.Accepted, ok.status());
        assertEquals("FLEET", ok.groupIdToken().idToken());
        assertEquals(CLOCK.instant().plusSeconds(3600), ok.cacheExpiryDateTime());
        assertEquals(AuthorizationStatusEnumType.Expired, status(strict, "OLD"));
        assertEquals(AuthorizationStatusEnumType.Blocked, status(strict, "BAD"));
        assertEquals(AuthorizationStatusEnumType.Unknown, status(strict, "NEW"));
        assertEquals(AuthorizationStatusEnumType.Accepted, status(lenient, "NEW"));
        assertEquals(AuthorizationStatusEnumType.Unknown, strict.authorizer().info(new IdTokenType("OK", "eMAID"))
                .status(), "a token is known by value and type");
    }

    private static AuthorizationStatusEnumType status(CsmsDomain domain, String token) {
        return domain.authorizer().info(new IdTokenType(token, "ISO14443")).status();
    }

    @DatabaseTest
    void theLocalListIsResentOnlyWhenTheStationDiffers(Store store) {
        int[] stationVersion = {0};
        FakeStation station = new FakeStation().connect("CS1")
                .answer(GetLocalListVersionRequest.class, r -> new GetLocalListVersionResponse(stationVersion[0]))
                .answer(SendLocalListRequest.class, r -> {
                    stationVersion[0] = r.versionNumber();
                    return new SendLocalListResponse(SendLocalListStatusEnumType.Accepted);
                });
        store.repositories().stations().connected("CS1", OcppVersion.V21, CLOCK.instant());
        store.repositories().tokens().save(new TokenRecord("T1", "ISO14443", AuthorizationStatusEnumType.Accepted,
                null, null));
        CsmsDomain domain = domain(store, station, UnknownStationPolicy.ACCEPT, UnknownTokenPolicy.REJECT);

        LocalAuthList.SyncResult first = domain.localAuthList().sync("CS1").join();
        assertTrue(first.sent());
        assertEquals(1, first.version());
        assertEquals(1, store.repositories().tokens().localListVersion("CS1"));
        SendLocalListRequest list = (SendLocalListRequest) station.sent.get(1);
        assertEquals("T1", list.localAuthorizationList().get(0).idToken().idToken());

        assertFalse(domain.localAuthList().sync("CS1").join().sent(), "in sync: nothing to send");
        stationVersion[0] = 7; // the station's list changed behind our back
        assertEquals(8, domain.localAuthList().sync("CS1").join().version());
        assertEquals(2, domain.repositories().commands().recent("CS1", 10).stream()
                .filter(c -> c.action().equals("SendLocalList") && "Accepted".equals(c.status())).count());
    }

    @DatabaseTest
    void transactionsThatNeverEndAreClosedAndFlaggedUnlessTheStationSaysTheyRun(Store store) {
        FakeStation station = new FakeStation().connect("ONLINE")
                .answer(GetTransactionStatusRequest.class, r -> new GetTransactionStatusResponse(true, false, null));
        CsmsDomain domain = domain(store, station, UnknownStationPolicy.ACCEPT, UnknownTokenPolicy.REJECT);
        var repo = store.repositories().transactions();
        // Heard of two hours ago (by the fixed clock), the policy allows one hour of silence.
        repo.record(withReceivedAt(Events.of("GONE", "tx-gone").started(0, 0).build(), CLOCK.instant().minusSeconds(7200)));
        repo.record(withReceivedAt(Events.of("ONLINE", "tx-running").started(0, 0).build(),
                CLOCK.instant().minusSeconds(7200)));
        repo.record(withReceivedAt(Events.of("GONE", "tx-recent").started(0, 0).build(), CLOCK.instant()));

        assertEquals(1, domain.transactions().closeStale());

        Transaction gone = repo.find("GONE", "tx-gone").orElseThrow();
        assertEquals(TransactionState.CLOSED_BY_CSMS, gone.state());
        assertTrue(gone.closedByCsms());
        assertEquals(TransactionState.OPEN, repo.find("ONLINE", "tx-running").orElseThrow().state());
        assertEquals(CLOCK.instant(), repo.find("ONLINE", "tx-running").orElseThrow().lastHeardAt());
        assertEquals(TransactionState.OPEN, repo.find("GONE", "tx-recent").orElseThrow().state());

        // The Ended that finally arrives still ends it; the flag stays for settlement to see.
        Transaction ended = repo.record(Events.of("GONE", "tx-gone").ended(1, 90).imported(10).build()).transaction();
        assertEquals(TransactionState.ENDED, ended.state());
        assertTrue(ended.closedByCsms());
    }

    @DatabaseTest
    void securityEventsAreStoredAndQueryable(Store store) throws Exception {
        CsmsDomain domain = domain(store, new FakeStation(), UnknownStationPolicy.ACCEPT, UnknownTokenPolicy.REJECT);
        domain.stations().connected(ctx("CS1"));
        domain.messages().answer(ctx("CS1"), BOOT);
        domain.messages().answer(ctx("CS1"), new SecurityEventNotificationRequest("TamperDetectionActivated",
                Instant.parse("2026-11-21T11:59:00Z"), "lid opened", null));

        List<StationNotice> notices = domain.notices().find("CS1", NoticeKind.SECURITY_EVENT,
                Instant.EPOCH, 10);
        assertEquals(1, notices.size());
        assertEquals("TamperDetectionActivated", notices.get(0).type());
        assertTrue(notices.get(0).payload().contains("lid opened"));
        assertEquals(List.of(), domain.notices().find("CS1", NoticeKind.FIRMWARE_STATUS, Instant.EPOCH, 10));
    }

    private static org.v2gcsms.sessions.transactions.TransactionEvent withReceivedAt(
            org.v2gcsms.sessions.transactions.TransactionEvent e, Instant at) {
        return new org.v2gcsms.sessions.transactions.TransactionEvent(e.stationId(), e.transactionId(), e.seqNo(),
                e.eventType(), e.timestamp(), e.triggerReason(), e.offline(), e.chargingState(), e.stoppedReason(),
                e.operationMode(), e.remoteStartId(), e.reservationId(), e.evseId(), e.connectorId(), e.idToken(),
                e.idTokenType(), e.numberOfPhasesUsed(), e.samples(), at);
    }
}
