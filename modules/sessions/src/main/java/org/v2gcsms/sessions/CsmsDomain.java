package org.v2gcsms.sessions;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.ocpp.v21.AuthorizeRequest;
import org.v2gcsms.ocpp.v21.BootNotificationRequest;
import org.v2gcsms.ocpp.v21.ClearedChargingLimitRequest;
import org.v2gcsms.ocpp.v21.DataTransferRequest;
import org.v2gcsms.ocpp.v21.FirmwareStatusNotificationRequest;
import org.v2gcsms.ocpp.v21.Get15118EVCertificateRequest;
import org.v2gcsms.ocpp.v21.GetCertificateStatusRequest;
import org.v2gcsms.ocpp.v21.HeartbeatRequest;
import org.v2gcsms.ocpp.v21.LogStatusNotificationRequest;
import org.v2gcsms.ocpp.v21.MeterValuesRequest;
import org.v2gcsms.ocpp.v21.NotifyChargingLimitRequest;
import org.v2gcsms.ocpp.v21.NotifyCustomerInformationRequest;
import org.v2gcsms.ocpp.v21.NotifyDisplayMessagesRequest;
import org.v2gcsms.ocpp.v21.NotifyEVChargingNeedsRequest;
import org.v2gcsms.ocpp.v21.NotifyEVChargingScheduleRequest;
import org.v2gcsms.ocpp.v21.NotifyEventRequest;
import org.v2gcsms.ocpp.v21.NotifyMonitoringReportRequest;
import org.v2gcsms.ocpp.v21.NotifyReportRequest;
import org.v2gcsms.ocpp.v21.PublishFirmwareStatusNotificationRequest;
import org.v2gcsms.ocpp.v21.ReportChargingProfilesRequest;
import org.v2gcsms.ocpp.v21.ReservationStatusUpdateRequest;
import org.v2gcsms.ocpp.v21.SecurityEventNotificationRequest;
import org.v2gcsms.ocpp.v21.SignCertificateRequest;
import org.v2gcsms.ocpp.v21.StatusNotificationRequest;
import org.v2gcsms.ocpp.v21.TransactionEventRequest;
import org.v2gcsms.sessions.auth.Authorizer;
import org.v2gcsms.sessions.auth.ContractAuthorization;
import org.v2gcsms.sessions.auth.LocalAuthList;
import org.v2gcsms.sessions.certificates.CertificateSigning;
import org.v2gcsms.sessions.certificates.ContractCertificateRelay;
import org.v2gcsms.sessions.certificates.MoRootCertificates;
import org.v2gcsms.sessions.certificates.OcspRelay;
import org.v2gcsms.sessions.commands.StationCalls;
import org.v2gcsms.sessions.commands.StationCommands;
import org.v2gcsms.sessions.devicemodel.DeviceModelService;
import org.v2gcsms.sessions.events.DomainEvents;
import org.v2gcsms.sessions.events.StationEventTaps;
import org.v2gcsms.sessions.notices.NoticeService;
import org.v2gcsms.sessions.session.SessionLimitWatch;
import org.v2gcsms.sessions.session.SessionManager;
import org.v2gcsms.sessions.stations.PendingStationSetup;
import org.v2gcsms.sessions.stations.StationService;
import org.v2gcsms.sessions.transactions.TransactionService;

/**
 * The domain composed: its services over the given repositories and way out to stations, and the table of
 * station messages it answers. {@link #start()} runs the stale-transaction sweep; {@link #close()} stops it.
 */
public final class CsmsDomain implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CsmsDomain.class);

    private final StationService stations;
    private final StationCommands commands;
    private final DeviceModelService deviceModel;
    private final Authorizer authorizer;
    private final LocalAuthList localAuthList;
    private final TransactionService transactions;
    private final NoticeService notices;
    private final SessionManager sessions;
    private final SessionLimitWatch limits;
    private final StationMessages messages;
    private final Repositories repositories;
    private final Clock clock;
    private final DomainEvents events = new DomainEvents();
    private final StationEventTaps taps;
    /** How often heartbeat times are written (see {@code StationService#flushLastSeen}). */
    private static final long LAST_SEEN_FLUSH_SECONDS = 5;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("stale-transactions").factory());

    public CsmsDomain(Repositories repositories, StationCalls calls, DomainSettings settings, Clock clock) {
        this.repositories = repositories;
        this.clock = clock;
        this.taps = new StationEventTaps(events, repositories.transactions());
        this.stations = new StationService(repositories.stations(), settings.stations(), clock);
        this.commands = new StationCommands(calls, repositories.commands(), clock);
        this.deviceModel = new DeviceModelService(repositories.deviceModel(), repositories.stations(), commands, clock);
        this.stations.provisionWith(new PendingStationSetup(stations, deviceModel, commands, settings.stations()));
        this.authorizer = new Authorizer(repositories.tokens(), settings.unknownTokens(), clock);
        ContractAuthorization contracts = new ContractAuthorization(authorizer,
                MoRootCertificates.load(settings.plugAndCharge().moRoots(), clock));
        OcspRelay ocsp = new OcspRelay(settings.plugAndCharge());
        ContractCertificateRelay contractCertificates = new ContractCertificateRelay(settings.plugAndCharge());
        this.localAuthList = new LocalAuthList(repositories.tokens(), authorizer, commands);
        this.transactions = new TransactionService(repositories.transactions(), authorizer, commands,
                settings.staleTransactions(), settings.tariffs(), clock);
        this.notices = new NoticeService(repositories.notices(), clock);
        this.sessions = new SessionManager(repositories.sessions(), transactions, repositories.transactions(), events,
                settings.sessions(), clock);
        this.limits = new SessionLimitWatch(sessions, commands, deviceModel);
        this.messages = new StationMessages(stations)
                .on(BootNotificationRequest.class, taps.boot(stations::boot))
                .on(HeartbeatRequest.class, stations::heartbeat)
                .on(StatusNotificationRequest.class, taps.status(stations::statusNotification))
                .on(AuthorizeRequest.class, (ctx, r) -> contracts.authorize(r))
                .on(TransactionEventRequest.class, taps.transaction(sessions::transactionEvent))
                .on(MeterValuesRequest.class, taps.meterValues(sessions::meterValues))
                .on(NotifyEVChargingNeedsRequest.class, sessions::chargingNeeds)
                .on(NotifyEVChargingScheduleRequest.class, sessions::chargingSchedule)
                .on(NotifyReportRequest.class, deviceModel::notifyReport)
                .on(SecurityEventNotificationRequest.class, notices::securityEvent)
                .on(NotifyEventRequest.class, notices::notifyEvent)
                .on(LogStatusNotificationRequest.class, notices::logStatus)
                .on(FirmwareStatusNotificationRequest.class, notices::firmwareStatus)
                .on(ReservationStatusUpdateRequest.class, notices::reservationStatus)
                .on(DataTransferRequest.class, notices::dataTransfer)
                .on(NotifyCustomerInformationRequest.class, notices::customerInformation)
                .on(ReportChargingProfilesRequest.class, notices::chargingProfilesReport)
                .on(NotifyMonitoringReportRequest.class, notices::monitoringReport)
                .onV201(org.v2gcsms.ocpp.v201.NotifyMonitoringReportRequest.class, notices::monitoringReport)
                .on(NotifyDisplayMessagesRequest.class, notices::displayMessages)
                .on(NotifyChargingLimitRequest.class, notices::chargingLimit)
                .on(ClearedChargingLimitRequest.class, notices::chargingLimitCleared)
                .on(PublishFirmwareStatusNotificationRequest.class, notices::publishFirmwareStatus)
                .on(GetCertificateStatusRequest.class, ocsp::getCertificateStatus)
                .on(Get15118EVCertificateRequest.class, contractCertificates::get15118EVCertificate);
        settings.certificateAuthority().ifPresent(dir -> {
            CertificateSigning signing = CertificateSigning.open(dir, clock, commands);
            messages.on(SignCertificateRequest.class, signing::signCertificate);
        });
    }

    /**
     * Loads the active sessions and starts the maximum-duration watch (a deadline that passed while the CSMS was
     * down is acted on at once) and the periodic stale-transaction sweep.
     */
    public void start() {
        sessions.load();
        limits.start();
        long every = transactions.stalePolicy().checkEvery().toMillis();
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                transactions.closeStale();
                sessions.closeStale(transactions.stalePolicy().maxSilence());
            } catch (RuntimeException e) {
                log.error("Stale-transaction sweep failed", e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
        sweeper.scheduleWithFixedDelay(this::flushLastSeen, LAST_SEEN_FLUSH_SECONDS, LAST_SEEN_FLUSH_SECONDS,
                TimeUnit.SECONDS);
    }

    private void flushLastSeen() {
        try {
            stations.flushLastSeen();
        } catch (RuntimeException e) {
            log.error("Writing last-seen times failed; will retry", e);
        }
    }

    /** Station CALLs the domain answers; the server hands each one to {@link StationMessages#answer}. */
    public StationMessages messages() {
        return messages;
    }

    /** A station's connection opened: recorded, then published as StationConnected. */
    public void connected(StationContext ctx) {
        stations.connected(ctx);
        sessions.connected(ctx);
        taps.connected(ctx, clock.instant());
    }

    /** A station's connection closed: recorded, then published as StationDisconnected. */
    public void disconnected(StationContext ctx) {
        stations.disconnected(ctx);
        sessions.disconnected(ctx);
        taps.disconnected(ctx, clock.instant());
    }

    /** Where the domain publishes what happens (stations, transactions); subscribe here. */
    public DomainEvents events() {
        return events;
    }

    public StationService stations() {
        return stations;
    }

    public StationCommands commands() {
        return commands;
    }

    public DeviceModelService deviceModel() {
        return deviceModel;
    }

    public Authorizer authorizer() {
        return authorizer;
    }

    public LocalAuthList localAuthList() {
        return localAuthList;
    }

    public TransactionService transactions() {
        return transactions;
    }

    public NoticeService notices() {
        return notices;
    }

    /** EV sessions: plug-in, SoC, energy both ways, needs, deadlines; queries for control and the API. */
    public SessionManager sessions() {
        return sessions;
    }

    /** The maximum-session-duration watch ({@link SessionLimitWatch#check()} runs one check now). */
    public SessionLimitWatch sessionLimits() {
        return limits;
    }

    /** Read access for the API and control modules. */
    public Repositories repositories() {
        return repositories;
    }

    @Override
    public void close() {
        limits.close();
        sweeper.shutdownNow();
        flushLastSeen();
    }
}
