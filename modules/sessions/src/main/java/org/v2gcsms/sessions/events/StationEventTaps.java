package org.v2gcsms.sessions.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.v2gcsms.ocpp.v21.BootNotificationRequest;
import org.v2gcsms.ocpp.v21.BootNotificationResponse;
import org.v2gcsms.ocpp.v21.MeterValuesRequest;
import org.v2gcsms.ocpp.v21.StatusNotificationRequest;
import org.v2gcsms.ocpp.v21.TransactionEventEnumType;
import org.v2gcsms.ocpp.v21.TransactionEventRequest;
import org.v2gcsms.sessions.StationContext;
import org.v2gcsms.sessions.StationMessages.Handler;
import org.v2gcsms.sessions.WireEnums;
import org.v2gcsms.sessions.transactions.MeterSample;
import org.v2gcsms.sessions.transactions.MeterSamples;
import org.v2gcsms.sessions.transactions.Transaction;
import org.v2gcsms.sessions.transactions.TransactionRepository;
import org.v2gcsms.sessions.transactions.TransactionState;

/**
 * Publishes {@link StationEvent}s around the domain's message handlers: each tap runs the handler, and once it
 * has answered (so what it reported is committed) publishes what changed. Transactions are compared before and
 * after the event, so a re-sent Started or Ended publishes nothing.
 */
public final class StationEventTaps {
    private final DomainEvents events;
    private final TransactionRepository transactions;

    public StationEventTaps(DomainEvents events, TransactionRepository transactions) {
        this.events = events;
        this.transactions = transactions;
    }

    public Handler<BootNotificationRequest> boot(Handler<BootNotificationRequest> handler) {
        return (ctx, r) -> {
            Object answer = handler.handle(ctx, r);
            if (answer instanceof BootNotificationResponse b) {
                var cs = r.chargingStation();
                events.publish(new StationEvent.StationBooted(ctx.stationId(), cs.vendorName(), cs.model(),
                        cs.firmwareVersion(), WireEnums.wire(r.reason()), WireEnums.wire(b.status()), b.currentTime()));
            }
            return answer;
        };
    }

    public Handler<StatusNotificationRequest> status(Handler<StatusNotificationRequest> handler) {
        return (ctx, r) -> {
            Object answer = handler.handle(ctx, r);
            events.publish(new StationEvent.ConnectorStatusChanged(ctx.stationId(), r.evseId(), r.connectorId(),
                    WireEnums.wire(r.connectorStatus()), r.timestamp()));
            return answer;
        };
    }

    public Handler<TransactionEventRequest> transaction(Handler<TransactionEventRequest> handler) {
        return (ctx, r) -> {
            String id = r.transactionInfo().transactionId();
            boolean startOrEnd = r.eventType() != TransactionEventEnumType.Updated;
            Optional<Transaction> before = startOrEnd ? transactions.find(ctx.stationId(), id) : Optional.empty();
            Object answer = handler.handle(ctx, r);
            Integer evseId = r.evse() == null ? null : r.evse().id();
            meterReading(ctx, evseId, id, MeterSamples.of(r.meterValue()));
            if (startOrEnd) {
                Optional<Transaction> after = transactions.find(ctx.stationId(), id);
                if (before.isEmpty() && after.isPresent()) {
                    Transaction t = after.get();
                    events.publish(new StationEvent.TransactionStarted(ctx.stationId(), id, t.evseId(), t.idToken(),
                            t.startedAt()));
                }
                if (after.isPresent() && after.get().state() == TransactionState.ENDED
                        && before.map(b -> b.state() != TransactionState.ENDED).orElse(true)) {
                    Transaction t = after.get();
                    events.publish(new StationEvent.TransactionEnded(ctx.stationId(), id,
                            t.stoppedReason() == null ? null : WireEnums.wire(t.stoppedReason()),
                            t.importedWh().orElse(null), t.exportedWh().orElse(null), t.endedAt()));
                }
            }
            return answer;
        };
    }

    public Handler<MeterValuesRequest> meterValues(Handler<MeterValuesRequest> handler) {
        return (ctx, r) -> {
            Object answer = handler.handle(ctx, r);
            meterReading(ctx, r.evseId(), null, MeterSamples.of(r.meterValue()));
            return answer;
        };
    }

    public void connected(StationContext ctx, Instant at) {
        events.publish(new StationEvent.StationConnected(ctx.stationId(), ctx.version().subprotocol(), at));
    }

    public void disconnected(StationContext ctx, Instant at) {
        events.publish(new StationEvent.StationDisconnected(ctx.stationId(), at));
    }

    /** One reading per message: the latest total of each measurand it carried. */
    private void meterReading(StationContext ctx, Integer evseId, String transactionId, List<MeterSample> samples) {
        Double powerImport = null;
        Double powerExport = null;
        Double energyImport = null;
        Double energyExport = null;
        Double soc = null;
        Instant at = null;
        for (MeterSample s : samples) {
            if (s.phase() != null) {
                continue;
            }
            double watts = "kW".equals(s.unit()) ? s.scaledValue() * 1000 : s.scaledValue();
            switch (s.measurand()) {
                case Power_Active_Import -> {
                    powerImport = Math.max(0, watts);
                    if (watts < 0) {
                        powerExport = -watts;
                    }
                }
                case Power_Active_Export -> powerExport = Math.abs(watts);
                case Energy_Active_Import_Register -> energyImport = s.wattHours().orElse(energyImport);
                case Energy_Active_Export_Register -> energyExport = s.wattHours().orElse(energyExport);
                case SoC -> soc = s.scaledValue();
                default -> {
                    continue;
                }
            }
            at = at == null || s.timestamp().isAfter(at) ? s.timestamp() : at;
        }
        if (at != null) {
            events.publish(new StationEvent.MeterReading(ctx.stationId(), evseId, transactionId, powerImport,
                    powerExport, energyImport, energyExport, soc, at));
        }
    }
}
