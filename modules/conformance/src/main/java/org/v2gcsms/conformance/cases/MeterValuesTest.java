package org.v2gcsms.conformance.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.v2gcsms.conformance.kit.Json;
import org.v2gcsms.conformance.kit.Messages;
import org.v2gcsms.conformance.kit.ScriptedStation;
import org.v2gcsms.conformance.kit.Transaction;

/**
 * J Meter values: clock-aligned and sampled readings, in MeterValues and inside TransactionEvent. The CSMS
 * must answer each, and the energy of a transaction (end register − begin register) shows in the API.
 */
class MeterValuesTest extends CsmsCase {

    private double importedWh(ScriptedStation s, Transaction tx) {
        return api.get("/api/v1/stations/" + s.id() + "/transactions/" + tx.id()).expect(200, "transaction")
                .object().get("importedWh").getAsDouble();
    }

    /** A transaction from 1000 Wh; the given events in between; ends at 4000 Wh with {@code endContext}. */
    private void transaction(String midContext, String midTrigger, String endContext, boolean signed) {
        ScriptedStation s = booted();
        Transaction tx = charging(s);
        JsonObject mid = signed ? Messages.signedMeterValue(2500, midContext) : Messages.meterValue(2500, midContext);
        assertEquals(false, Json.has(s.call("TransactionEvent", Transaction.withMeter(tx.updated(midTrigger,
                "Charging"), mid)), "idTokenInfo"));
        JsonObject end = signed ? Messages.signedMeterValue(4000, endContext) : Messages.meterValue(4000, endContext);
        s.call("TransactionEvent", Transaction.withMeter(tx.ended("StopAuthorized", "EVConnected", "Local"), end));
        assertEquals(3000.0, importedWh(s, tx), 0.001, "energy imported by the transaction");
    }

    @Test
    void TC_J_01_CSMS() {
        ScriptedStation s = booted();
        assertEquals(new JsonObject(), s.call("MeterValues", Messages.meterValues(0, Messages.meterValue(12000,
                "Sample.Clock"))));
        assertEquals(new JsonObject(), s.call("MeterValues", Messages.meterValues(1, Messages.meterValue(300,
                "Sample.Clock"))));
    }

    @Test
    void TC_J_02_CSMS() {
        transaction("Sample.Clock", "MeterValueClock", "Transaction.End", false);
    }

    /** Clock-aligned readings of the whole transaction sent in its Ended event (AlignedDataCtrlr.TxEnded*). */
    @Test
    void TC_J_03_CSMS() {
        ScriptedStation s = booted();
        Transaction tx = charging(s);
        s.call("TransactionEvent", Transaction.withMeter(tx.ended("StopAuthorized", "EVConnected", "Local"),
                Messages.meterValue(2000, "Sample.Clock"), Messages.meterValue(3000, "Sample.Clock"),
                Messages.meterValue(4000, "Transaction.End")));
        assertEquals(3000.0, importedWh(s, tx), 0.001);
    }

    @Test
    void TC_J_04_CSMS() {
        transaction("Sample.Clock", "MeterValueClock", "Transaction.End", true);
    }

    @Test
    void TC_J_07_CSMS() {
        transaction("Sample.Periodic", "MeterValuePeriodic", "Transaction.End", false);
    }

    /** Transaction.Begin reading before the EVSE is known: the Started event has no evse; a later one does. */
    @Test
    void TC_J_08_CSMS() {
        ScriptedStation s = booted();
        String token = acceptedToken();
        Transaction tx = new Transaction(1);
        JsonObject started = Transaction.withMeter(Transaction.withIdToken(tx.started("Authorized", null), token,
                "ISO14443"), Messages.meterValue(1000, "Transaction.Begin"));
        started.remove("evse");
        assertEquals("Accepted", Json.str(s.call("TransactionEvent", started), "idTokenInfo.status"));
        JsonObject plugged = tx.updated("CablePluggedIn", "Charging");
        plugged.add("evse", Json.obj("id", 1, "connectorId", 1));
        s.call("TransactionEvent", plugged);
        s.call("TransactionEvent", Transaction.withMeter(tx.ended("StopAuthorized", "EVConnected", "Local"),
                Messages.meterValue(4000, "Transaction.End")));
        assertEquals(3000.0, importedWh(s, tx), 0.001);
    }

    @Test
    void TC_J_09_CSMS() {
        transaction("Sample.Periodic", "MeterValuePeriodic", "Sample.Periodic", false);
    }

    @Test
    void TC_J_10_CSMS() {
        transaction("Sample.Periodic", "MeterValuePeriodic", "Transaction.End", false);
    }

    @Test
    void TC_J_11_CSMS() {
        transaction("Sample.Periodic", "MeterValuePeriodic", "Transaction.End", true);
    }
}
