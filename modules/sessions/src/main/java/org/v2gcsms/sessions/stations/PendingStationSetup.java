package org.v2gcsms.sessions.stations;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.ocpp.v21.AttributeEnumType;
import org.v2gcsms.ocpp.v21.ComponentType;
import org.v2gcsms.ocpp.v21.MessageTriggerEnumType;
import org.v2gcsms.ocpp.v21.ReportBaseEnumType;
import org.v2gcsms.ocpp.v21.SetVariableDataType;
import org.v2gcsms.ocpp.v21.TriggerMessageRequest;
import org.v2gcsms.ocpp.v21.VariableType;
import org.v2gcsms.sessions.commands.StationCommands;
import org.v2gcsms.sessions.devicemodel.DeviceModelService;

/**
 * Brings a pending station to accepted: read its full base report, set the provisioning variables, mark it
 * accepted and trigger a BootNotification so it learns at once (instead of at its next retry). A failure
 * leaves it pending; its next boot starts over.
 */
public final class PendingStationSetup {
    private static final Logger log = LoggerFactory.getLogger(PendingStationSetup.class);

    private final StationService stations;
    private final DeviceModelService deviceModel;
    private final StationCommands commands;
    private final StationSettings settings;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    public PendingStationSetup(StationService stations, DeviceModelService deviceModel, StationCommands commands,
                               StationSettings settings) {
        this.stations = stations;
        this.deviceModel = deviceModel;
        this.commands = commands;
        this.settings = settings;
    }

    /** Starts provisioning unless it already runs for this station; returns when it ends. */
    public CompletableFuture<Void> start(String stationId) {
        if (!running.add(stationId)) {
            return CompletableFuture.completedFuture(null);
        }
        List<SetVariableDataType> variables = settings.provisioning().stream()
                .map(p -> new SetVariableDataType(AttributeEnumType.Actual, p.value(),
                        new ComponentType(null, p.component(), null, null), new VariableType(p.variable(),
                        p.instance(), null), null))
                .toList();
        // Started while the boot is being answered: the server sends no CALL before that answer is out.
        return deviceModel.requestBaseReport(stationId, ReportBaseEnumType.FullInventory)
                .orTimeout(settings.reportTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .thenCompose(report -> variables.isEmpty() ? CompletableFuture.completedFuture(List.of())
                        : deviceModel.setVariables(stationId, variables))
                .thenCompose(results -> {
                    stations.accept(stationId);
                    stations.expectTriggered(stationId, "BootNotification");
                    log.info("Station {} provisioned ({} variables set): accepted", stationId, results.size());
                    return commands.triggerMessage(stationId,
                            new TriggerMessageRequest(null, MessageTriggerEnumType.BootNotification, null, null));
                })
                .<Void>thenApply(triggered -> null)
                .whenComplete((done, failure) -> {
                    running.remove(stationId);
                    if (failure != null) {
                        log.warn("Provisioning of pending station {} failed; it stays pending: {}", stationId,
                                failure.toString());
                    }
                });
    }
}
