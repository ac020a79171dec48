package org.v2gcsms.simulator;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.v2gcsms.ocpp.Action;
import org.v2gcsms.ocpp.OcppMessages;
import org.v2gcsms.ocpp.OcppVersion;

/** A simulation against a {@link TestCsms}, and CSMS calls written as JSON so one test speaks both versions. */
final class SimulatorHarness implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);

    final TestCsms csms;
    final Simulation simulation;

    SimulatorHarness(TestCsms csms, List<StationSpec> specs, StationSettings settings, double speedUp,
                     ArrivalPlan arrivals) {
        this.csms = csms;
        this.simulation = new Simulation(specs, settings, csms.url(), null, FleetMix.s1Korea(), arrivals, speedUp);
    }

    void startAndAwaitBoot() throws Exception {
        simulation.start().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    SimulatedStation station(int n) {
        return simulation.stations().get(n);
    }

    /** Sends a CALL from the CSMS; returns the station's answer as JSON. */
    JsonObject call(String stationId, String action, String json) throws Exception {
        OcppVersion version = csms.stations().protocolVersion(stationId).orElseThrow();
        OcppMessages messages = OcppMessages.of(version);
        @SuppressWarnings("unchecked")
        Action<Object, Object> a = (Action<Object, Object>) messages.action(action).orElseThrow();
        Object request = messages.decode(JsonParser.parseString(json).getAsJsonObject(), a.requestType());
        Object response = csms.stations().call(stationId, a, request).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return messages.encode(response);
    }

    /** An EV that stays {@code stayMinutes} and arrives with {@code soc}. */
    static Arrival ev(String model, double soc, int stayMinutes) {
        return new Arrival(Duration.ZERO, FleetMix.s1Korea().model(model), soc, Duration.ofMinutes(stayMinutes), 0.80);
    }

    static ArrivalPlan noArrivals() {
        return new ArrivalPlan.Listed(List.of());
    }

    @Override
    public void close() {
        simulation.close();
        csms.close();
    }
}
