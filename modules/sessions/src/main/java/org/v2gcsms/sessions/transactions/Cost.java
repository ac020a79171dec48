package org.v2gcsms.sessions.transactions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * What a transaction costs the driver: energy imported less the credit for energy exported, in a currency,
 * to the currency's minor unit.
 */
public record Cost(BigDecimal amount, String currency) {
    public Cost {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    /** The amount rounded (half up) to the currency's minor unit: 2 decimals for a code ISO 4217 does not know. */
    public static Cost of(BigDecimal amount, String currency) {
        int digits = 2;
        try {
            int minor = Currency.getInstance(currency).getDefaultFractionDigits();
            digits = minor >= 0 ? minor : digits;
        } catch (IllegalArgumentException notIso4217) {
            // the tariff's own label: hundredths
        }
        return new Cost(amount.setScale(digits, RoundingMode.HALF_UP), currency);
    }
}
