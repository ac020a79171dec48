package org.v2gcsms.simulator;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import javax.net.ssl.SSLContext;
import org.java_websocket.framing.CloseFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.ocpp.OcppError;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.frame.Frame;
import org.v2gcsms.ocpp.frame.FrameCodec;
import org.v2gcsms.ocpp.frame.FrameException;
import org.v2gcsms.ocpp.v21.AuthorizationStatusEnumType;
import org.v2gcsms.ocpp.v21.AuthorizeRequest;
import org.v2gcsms.ocpp.v21.AuthorizeResponse;
import org.v2gcsms.ocpp.v21.BootNotificationRequest;
import org.v2gcsms.ocpp.v21.BootNotificationResponse;
import org.v2gcsms.ocpp.v21.BootReasonEnumType;
import org.v2gcsms.ocpp.v21.ChargingStateEnumType;
import org.v2gcsms.ocpp.v21.ChargingStationType;
import org.v2gcsms.ocpp.v21.HeartbeatRequest;
import org.v2gcsms.ocpp.v21.IdTokenType;
import org.v2gcsms.ocpp.v21.ReasonEnumType;
import org.v2gcsms.ocpp.v21.RegistrationStatusEnumType;
import org.v2gcsms.ocpp.v21.TransactionEventEnumType;
import org.v2gcsms.ocpp.v21.TransactionEventRequest;
import org.v2gcsms.ocpp.v21.TransactionEventResponse;
import org.v2gcsms.ocpp.v21.TriggerReasonEnumType;

/**
 * One simulated charging station: connects, boots, heartbeats, runs the sessions of the EVs plugged into its
 * EVSEs, answers the CSMS's calls ({@link CsmsCallAnswers}) and plays the faults it is asked to. Every public
 * method may be called from any thread; the station's state is only touched on its own serial context.
 */
public final class SimulatedStation implements StationSocket.Events {
    private static final Logger log = LoggerFactory.getLogger(SimulatedStation.class);

    final StationSpec spec;
    final StationSettings settings;
    final SimScheduler scheduler;
    final SerialExecutor executor;
    final SimulationLog simulationLog;
    final MessageBridge bridge;
    final DeviceModel deviceModel;
    final ChargingProfiles profiles = new ChargingProfiles();
    final DerControls der = new DerControls();
    final GridProtection protection;
    final PowerFlow powerFlow;
    final Outbox outbox;
    final List<Evse> evses = new ArrayList<>();
    final StationFaults faults;
    private final CsmsCallAnswers answers;
    private final FrameCodec codec;
    private final URI uri;
    private final SSLContext tls;
    private final CompletableFuture<Void> booted = new CompletableFuture<>();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private StationSocket socket;
    private boolean connected;
    private boolean bootAccepted;
    private BootReasonEnumType bootReason = BootReasonEnumType.PowerUp;
    private boolean stopping;
    /** The next close of the socket is ours (fault, reset, stop), not a problem. */
    private boolean closeExpected;
    private Instant offlineUntil = Instant.MIN;
    private ScheduledFuture<?> heartbeat;
    private boolean resetWhenIdle;
    private int localListVersion;
    private final FleetMix fleet;
    private final Random random;

    /**
     * @param csms the CSMS endpoint, e.g. {@code ws://host:8080/ocpp}; the station id is appended
     * @param tls  the trust for wss:// (security profile 2)
     */
    public SimulatedStation(StationSpec spec, StationSettings settings, URI csms, SSLContext tls, SimScheduler scheduler,
                            SimulationLog simulationLog, FleetMix fleet) {
        this.spec = spec;
        this.fleet = fleet;
        this.random = new Random(spec.id().hashCode());
        this.settings = settings;
        this.scheduler = scheduler;
        this.executor = scheduler.serial();
        this.simulationLog = simulationLog;
        this.bridge = new MessageBridge(spec.version());
        this.codec = new FrameCodec(spec.version());
        this.deviceModel = StationDeviceModel.of(spec, settings);
        this.protection = new GridProtection(spec.nominalVolts(), spec.nominalHertz());
        for (int i = 1; i <= spec.evses(); i++) {
            evses.add(new Evse(i, spec.chargeW(), spec.dischargeW()));
        }
        this.powerFlow = new PowerFlow(profiles, der, protection,
                () -> (int) evses.stream().filter(e -> e.session != null).count(), simulationLog);
        this.outbox = new Outbox(bridge, scheduler, executor, settings.callTimeout(), simulationLog, new Outbox.Link() {
            @Override
            public boolean canSend(Object request) {
                return connected && (bootAccepted || request instanceof BootNotificationRequest);
            }

            @Override
            public void send(String text) {
                transmit(text);
            }

            @Override
            public void problem(Problem.Kind kind, String detail) {
                SimulatedStation.this.problem(kind, detail);
            }
        });
        this.answers = new CsmsCallAnswers(this);
        deviceModel.onWrite((key, value) -> {
            switch (key.variable()) {
                case "HeartbeatInterval" -> {
                    if (bootAccepted) {
                        scheduleHeartbeat();
                    }
                }
                case "TxUpdatedInterval" -> evses.stream().filter(e -> e.session != null && e.session.started)
                        .forEach(this::scheduleSampling);
                default -> { }
            }
        });
        this.faults = new StationFaults(this);
        this.uri = URI.create(csms.toString().replaceAll("/+$", "") + "/" + spec.id());
        this.tls = tls;
        if (spec.securityProfile() == 2 && !uri.getScheme().equals("wss")) {
            throw new IllegalArgumentException("security profile 2 needs a wss:// CSMS URL");
        }
        if (spec.securityProfile() == 1 && !uri.getScheme().equals("ws")) {
            throw new IllegalArgumentException("security profile 1 needs a ws:// CSMS URL");
        }
    }

    public String id() {
        return spec.id();
    }

    public StationSpec spec() {
        return spec;
    }

    /** Faults to play on demand. */
    public StationFaults faults() {
        return faults;
    }

    /** Connects and boots; the future completes when the CSMS accepted the BootNotification. */
    public CompletableFuture<Void> start() {
        executor.execute(this::connect);
        return booted;
    }

    /** Completes when the CSMS first accepted the station's BootNotification. */
    public CompletableFuture<Void> booted() {
        return booted.copy();
    }

    /**
     * Plugs an EV into a free EVSE (the driver then authorises).
     *
     * @return whether an EVSE was free
     */
    public CompletableFuture<Boolean> plugIn(Arrival arrival) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        executor.execute(() -> {
            Optional<Evse> free = bootAccepted && !stopping && !resetWhenIdle
                    ? evses.stream().filter(Evse::free).findFirst() : Optional.empty();
            free.ifPresent(e -> arrive(e, arrival, DriverTokens.pick(random), null, TriggerReasonEnumType.Authorized));
            done.complete(free.isPresent());
        });
        return done;
    }

    /** Ends every session, delivers what is queued (within the call timeout) and closes the connection. */
    public CompletableFuture<Void> stop() {
        CompletableFuture<Void> done = stopped;
        executor.execute(() -> {
            if (stopping) {
                return;
            }
            stopping = true;
            for (Evse e : evses) {
                if (e.session != null) {
                    end(e, TriggerReasonEnumType.EVDeparted, ReasonEnumType.EVDisconnected);
                }
            }
            awaitIdleThenClose(done, Instant.now().plus(settings.callTimeout()));
        });
        return done;
    }

    /** What the station knows of one EVSE right now, for scenarios and tests. */
    public CompletableFuture<EvseView> view(int evseId) {
        return CompletableFuture.supplyAsync(() -> {
            Evse e = evse(evseId);
            powerFlow.advance(e, now());
            Session s = e.session;
            return new EvseView(evseId, e.status().value(), s == null ? null : s.transactionId,
                    s == null ? Double.NaN : s.battery.soc(), s == null ? 0 : s.powerW, e.importedWh, e.exportedWh);
        }, executor);
    }

    /** A snapshot of one EVSE. {@code soc} is NaN without an EV. */
    public record EvseView(int evseId, String status, String transactionId, double soc, double powerW,
                           double importedWh, double exportedWh) {}

    // ---- connection -------------------------------------------------------------------------------------------

    private void connect() {
        if (stopping) {
            return;
        }
        socket = new StationSocket(uri, spec, tls, this);
        socket.connect();
    }

    @Override
    public void opened(StationSocket s) {
        executor.execute(() -> {
            if (s != socket) {
                return;
            }
            connected = true;
            closeExpected = false;
            if (!bootAccepted) {
                boot();
            } else {
                evses.forEach(e -> outbox.call(StationMessages.status(e, now())));
                outbox.pump(); // replays the TransactionEvents queued while offline
            }
        });
    }

    @Override
    public void text(StationSocket s, String text) {
        executor.execute(() -> {
            if (s == socket) {
                simulationLog.frame(spec.id(), false, text);
                receive(text);
            }
        });
    }

    @Override
    public void closed(StationSocket s, int code, String reason, boolean byServer) {
        executor.execute(() -> {
            if (s != socket) {
                return;
            }
            boolean wasConnected = connected;
            connected = false;
            outbox.disconnected();
            if (stopping) {
                return;
            }
            if (!closeExpected) {
                problem(Problem.Kind.UNEXPECTED_DISCONNECT, (wasConnected ? "connection closed " : "could not connect ")
                        + code + (reason == null || reason.isEmpty() ? "" : " " + reason));
            }
            closeExpected = false;
            Duration offline = Duration.between(now(), offlineUntil);
            if (offline.isNegative() || offline.isZero()) {
                scheduler.afterReal(settings.reconnectBackoff(), executor, this::connect);
            } else {
                scheduler.after(offline, executor, this::connect);
            }
        });
    }

    /** Closes the connection as if the network failed, and stays away for {@code offline} of simulated time. */
    void dropConnection(Duration offline) {
        offlineUntil = now().plus(offline);
        if (socket != null && connected) {
            closeExpected = true;
            socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, "simulated network loss");
        }
    }

    boolean online() {
        return connected && bootAccepted;
    }

    private void awaitIdleThenClose(CompletableFuture<Void> done, Instant deadline) {
        if ((outbox.idle() || !connected || Instant.now().isAfter(deadline))) {
            if (!outbox.idle() && connected) {
                problem(Problem.Kind.NO_ANSWER, "messages still queued when the station stopped");
            }
            if (!booted.isDone()) {
                problem(Problem.Kind.NOT_ACCEPTED, "never accepted by the CSMS");
            }
            if (heartbeat != null) {
                heartbeat.cancel(false);
            }
            if (socket != null) {
                socket.close(CloseFrame.NORMAL, "simulation over");
            }
            done.complete(null);
            return;
        }
        scheduler.afterReal(Duration.ofMillis(20), executor, () -> awaitIdleThenClose(done, deadline));
    }

    // ---- boot and heartbeat -----------------------------------------------------------------------------------

    private void boot() {
        BootNotificationRequest request = new BootNotificationRequest(
                new ChargingStationType("SIM-" + spec.id(), deviceModel.value("ChargingStation", "Model"), null,
                        deviceModel.value("ChargingStation", "VendorName"), "1.0.0", null),
                bootReason, null);
        outbox.call(request).whenComplete((r, failure) -> {
            if (failure != null) {
                return; // reported by the outbox; the next connection boots again
            }
            BootNotificationResponse response = (BootNotificationResponse) r;
            Duration interval = Duration.ofSeconds(Math.max(1, response.interval()));
            if (response.status() == RegistrationStatusEnumType.Accepted) {
                bootAccepted = true;
                simulationLog.bootsAccepted.incrementAndGet();
                if (response.interval() > 0) {
                    deviceModel.update("OCPPCommCtrlr", null, null, "HeartbeatInterval", response.interval().toString());
                }
                scheduleHeartbeat();
                evses.forEach(e -> outbox.call(StationMessages.status(e, now())));
                outbox.pump();
                booted.complete(null);
            } else {
                log.info("{}: BootNotification {}; retrying in {} s (simulated)", spec.id(), response.status(),
                        interval.toSeconds());
                scheduler.after(interval, executor, () -> {
                    if (connected && !bootAccepted) {
                        boot();
                    }
                });
            }
        });
    }

    void scheduleHeartbeat() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        Duration interval = Duration.ofSeconds(Math.max(1, deviceModel.intValue("OCPPCommCtrlr", "HeartbeatInterval")));
        heartbeat = scheduler.every(interval, executor, () -> {
            if (online()) {
                outbox.call(new HeartbeatRequest());
            }
        });
    }

    void sendHeartbeat() {
        outbox.call(new HeartbeatRequest());
    }

    boolean bootAccepted() {
        return bootAccepted;
    }

    void bootTriggered() {
        bootReason = BootReasonEnumType.Triggered;
        boot();
    }

    // ---- inbound frames ---------------------------------------------------------------------------------------

    private void receive(String text) {
        Frame frame;
        try {
            frame = codec.parse(text);
        } catch (FrameException e) {
            problem(Problem.Kind.INVALID_MESSAGE, "frame from the CSMS is not OCPP-J: " + e.getMessage());
            if (!e.ignore() && !FrameException.UNKNOWN_ID.equals(e.messageId())) {
                transmit(codec.write(new Frame.CallError(e.messageId(), e.code(), e.getMessage(), null)));
            }
            return;
        }
        switch (frame) {
            case Frame.Call call -> answer(call);
            case Frame.CallResult result -> outbox.answered(result);
            case Frame.CallError error -> outbox.refused(error.messageId(), error.code().name(), error.description());
            case Frame.CallResultError error -> problem(Problem.Kind.CALL_ERROR,
                    "CSMS could not process our answer: " + error.code() + " " + error.description());
            case Frame.Send send -> problem(Problem.Kind.INVALID_MESSAGE, "CSMS sent a SEND frame (" + send.action() + ")");
        }
    }

    private void answer(Frame.Call call) {
        simulationLog.csmsCalls.incrementAndGet();
        MessageBridge.InboundCall inbound;
        try {
            inbound = bridge.readCall(call.action(), call.payload());
        } catch (OcppError e) {
            problem(Problem.Kind.INVALID_MESSAGE, "CSMS sent an invalid " + call.action() + ": " + e);
            reply(new Frame.CallError(call.messageId(), e.code(), e.description(), null), null);
            return;
        }
        CsmsCallAnswers.Answer answer = answers.answer(inbound.request());
        Frame reply;
        try {
            reply = new Frame.CallResult(call.messageId(), bridge.response(inbound.action(), answer.response()));
        } catch (OcppError e) {
            problem(Problem.Kind.OWN_MESSAGE_INVALID, "answer to " + call.action() + ": " + e);
            reply = new Frame.CallError(call.messageId(), org.v2gcsms.ocpp.ErrorCode.InternalError, "", null);
        }
        reply(reply, answer.then());
    }

    private void transmit(String text) {
        simulationLog.frame(spec.id(), true, text);
        socket.send(text);
    }

    private void reply(Frame frame, Runnable then) {
        Duration delay = faults.answerDelay();
        StationSocket to = socket;
        Runnable send = () -> {
            if (to == socket && connected) {
                transmit(codec.write(frame));
            }
            if (then != null) {
                then.run();
            }
        };
        if (delay.isZero()) {
            send.run();
        } else {
            scheduler.afterReal(delay, executor, send);
        }
    }

    // ---- sessions ---------------------------------------------------------------------------------------------

    /**
     * An EV plugs into {@code evse}. With a remote start the CSMS already authorised it; otherwise the driver's
     * token is authorised first (and accepted offline when the CSMS cannot be asked).
     */
    void arrive(Evse evse, Arrival arrival, IdTokenType idToken, Integer remoteStartId, TriggerReasonEnumType trigger) {
        Instant now = now();
        evse.session = new Session(arrival, UUID.randomUUID().toString(), idToken, remoteStartId, now,
                settings.sessionLimit());
        Session session = evse.session;
        if (online()) {
            outbox.call(StationMessages.status(evse, now));
        }
        if (remoteStartId != null) {
            startTransaction(evse, trigger);
            return;
        }
        if (!online()) {
            startTransaction(evse, trigger); // AuthCtrlr.LocalAuthorizeOffline / OfflineTxForUnknownIdEnabled
            return;
        }
        outbox.call(new AuthorizeRequest(idToken, null, null, null)).whenComplete((r, failure) -> {
            if (evse.session != session) {
                return;
            }
            if (failure != null || ((AuthorizeResponse) r).idTokenInfo().status() == AuthorizationStatusEnumType.Accepted) {
                startTransaction(evse, trigger);
            } else {
                simulationLog.turnedAway.incrementAndGet();
                evse.session = null;
                if (online()) {
                    outbox.call(StationMessages.status(evse, now()));
                }
            }
        });
    }

    private void startTransaction(Evse evse, TriggerReasonEnumType trigger) {
        Session s = evse.session;
        s.started = true;
        s.integratedUntil = now();
        simulationLog.sessionStarted();
        powerFlow.advance(evse, now());
        ChargingStateEnumType state = s.chargingState;
        s.chargingState = ChargingStateEnumType.EVConnected;
        transactionEvent(evse, TransactionEventEnumType.Started, trigger, null, true).whenComplete((r, failure) -> {
            if (r instanceof TransactionEventResponse response && response.idTokenInfo() != null
                    && response.idTokenInfo().status() != AuthorizationStatusEnumType.Accepted && evse.session == s) {
                end(evse, TriggerReasonEnumType.Deauthorized, ReasonEnumType.DeAuthorized);
            }
        });
        if (online()) {
            outbox.call(StationMessages.chargingNeeds(evse, spec.version(), now()));
        }
        s.chargingState = state;
        if (state != ChargingStateEnumType.EVConnected) {
            transactionEvent(evse, TransactionEventEnumType.Updated, TriggerReasonEnumType.ChargingStateChanged, null, false);
        }
        evse.departure = scheduler.after(Duration.between(now(), s.leavesAt), executor, () -> {
            if (evse.session == s) {
                end(evse, s.endsByLimit ? TriggerReasonEnumType.TimeLimitReached : TriggerReasonEnumType.EVDeparted,
                        s.endsByLimit ? ReasonEnumType.TimeLimitReached : ReasonEnumType.EVDisconnected);
            }
        });
        scheduleSampling(evse);
    }

    void scheduleSampling(Evse evse) {
        if (evse.sampling != null) {
            evse.sampling.cancel(false);
        }
        Duration interval = Duration.ofSeconds(Math.max(1, deviceModel.intValue("SampledDataCtrlr", "TxUpdatedInterval")));
        Session s = evse.session;
        evse.sampling = scheduler.every(interval, executor, () -> {
            if (evse.session == s && s.started) {
                refresh(evse, TriggerReasonEnumType.MeterValuePeriodic);
            }
        });
    }

    /**
     * Integrates up to now and reports: a ChargingStateChanged event when the state changed, else one with
     * {@code trigger} (pass null to report only a change).
     */
    void refresh(Evse evse, TriggerReasonEnumType trigger) {
        Session s = evse.session;
        if (s == null || !s.started) {
            return;
        }
        ChargingStateEnumType before = s.chargingState;
        powerFlow.advance(evse, now());
        deviceModel.update("EVSE", evse.id, null, "Power", Double.toString(StationMessages.round(Math.max(0, s.powerW), 1)));
        if (s.chargingState != before) {
            transactionEvent(evse, TransactionEventEnumType.Updated, TriggerReasonEnumType.ChargingStateChanged, null, false);
        } else if (trigger != null) {
            transactionEvent(evse, TransactionEventEnumType.Updated, trigger, null, false);
        }
    }

    /** Brings every session up to now: call before anything that changes the power rules. */
    void advanceAll() {
        Instant now = now();
        evses.forEach(e -> powerFlow.advance(e, now));
    }

    /** Reports the effect of a rule change on every session. */
    void refreshAll(TriggerReasonEnumType trigger) {
        evses.forEach(e -> refresh(e, trigger));
    }

    CompletableFuture<Object> transactionEvent(Evse evse, TransactionEventEnumType type, TriggerReasonEnumType trigger,
                                               ReasonEnumType stoppedReason, boolean withIdToken) {
        TransactionEventRequest event = StationMessages.transactionEvent(evse, type, trigger, stoppedReason,
                protection.reading(), now(), !online(), withIdToken);
        return outbox.call(event);
    }

    void end(Evse evse, TriggerReasonEnumType trigger, ReasonEnumType reason) {
        Session s = evse.session;
        if (s == null) {
            return;
        }
        if (!s.started) {
            evse.session = null;
            return;
        }
        powerFlow.advance(evse, now());
        s.powerW = 0;
        s.chargingState = ChargingStateEnumType.EVConnected;
        transactionEvent(evse, TransactionEventEnumType.Ended, trigger, reason, false);
        profiles.transactionEnded(s.transactionId);
        evse.cancelTimers();
        evse.session = null;
        deviceModel.update("EVSE", evse.id, null, "Power", "0");
        simulationLog.sessionsEnded.incrementAndGet();
        if (evse.inoperativeWhenIdle) {
            evse.inoperativeWhenIdle = false;
            evse.operative = false;
        }
        if (online()) {
            outbox.call(StationMessages.status(evse, now()));
        }
        if (resetWhenIdle && !stopping && evses.stream().allMatch(e -> e.session == null)) {
            resetWhenIdle = false;
            reboot();
        }
    }

    // ---- reset ------------------------------------------------------------------------------------------------

    /** Reset Immediate: end every transaction, then reboot. */
    void resetNow() {
        for (Evse e : evses) {
            if (e.session != null) {
                end(e, TriggerReasonEnumType.ResetCommand, ReasonEnumType.ImmediateReset);
            }
        }
        reboot();
    }

    void resetWhenIdle() {
        resetWhenIdle = true;
    }

    boolean anySession() {
        return evses.stream().anyMatch(e -> e.session != null);
    }

    /** Closes the connection and boots again; queued TransactionEvents go out after the new boot. */
    private void reboot() {
        bootAccepted = false;
        bootReason = BootReasonEnumType.RemoteReset;
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        closeExpected = true;
        offlineUntil = Instant.MIN;
        if (socket != null) {
            socket.close(CloseFrame.NORMAL, "rebooting");
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    Instant now() {
        return scheduler.clock().instant();
    }

    Evse evse(int id) {
        return evses.get(id - 1);
    }

    Optional<Evse> evseWithTransaction(String transactionId) {
        return evses.stream().filter(e -> e.session != null && e.session.started
                && e.session.transactionId.equals(transactionId)).findFirst();
    }

    /** The EV a driver plugs in when the CSMS starts a transaction remotely: from the fleet, staying to the limit. */
    Arrival remoteStartArrival() {
        return new Arrival(scheduler.clock().elapsed(), fleet.pick(random), 0.20 + 0.40 * random.nextDouble(),
                settings.sessionLimit(), 0.80);
    }

    int localListVersion() {
        return localListVersion;
    }

    void localListVersion(int v) {
        localListVersion = v;
    }

    OcppVersion version() {
        return spec.version();
    }

    void problem(Problem.Kind kind, String detail) {
        simulationLog.problem(new Problem(spec.id(), now(), kind, detail));
    }
}
