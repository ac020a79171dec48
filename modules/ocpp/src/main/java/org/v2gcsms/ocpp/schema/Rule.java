package org.v2gcsms.ocpp.schema;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.v2gcsms.ocpp.ErrorCode;
import org.v2gcsms.ocpp.json.Rfc3339;

/**
 * One compiled schema node. Each kind checks exactly the keywords the OCA schemas use for it; anything else is
 * refused when compiling ({@link SchemaCompiler}), so a new keyword cannot be silently ignored.
 */
sealed interface Rule {

    /** Throws a {@link Violation} naming the first problem found. */
    void check(JsonElement value);

    record ObjectRule(Map<String, Rule> properties, String[] required, boolean closed) implements Rule {
        @Override
        public void check(JsonElement value) {
            if (!(value instanceof JsonObject object)) {
                throw wrongType("object", value);
            }
            for (String name : required) {
                if (!object.has(name)) {
                    throw new Violation(ErrorCode.OccurrenceConstraintViolation, "required").at(name);
                }
            }
            for (Map.Entry<String, JsonElement> member : object.entrySet()) {
                Rule rule = properties.get(member.getKey());
                if (rule == null) {
                    if (closed) {
                        // Not a bad value of a known field but a field the action does not have: the payload's
                        // syntax is wrong for the action, which OCPP-J calls a FormatViolation.
                        throw new Violation(ErrorCode.FormatViolation, "unknown property")
                                .at(PrintableName.of(member.getKey()));
                    }
                    continue;
                }
                try {
                    rule.check(member.getValue());
                } catch (Violation v) {
                    throw v.at(member.getKey());
                }
            }
        }
    }

    record ArrayRule(Rule items, int minItems, int maxItems) implements Rule {
        @Override
        public void check(JsonElement value) {
            if (!(value instanceof JsonArray array)) {
                throw wrongType("array", value);
            }
            // OCPP's cardinality ("1..*", "0..4") is what minItems/maxItems encode: an occurrence constraint.
            if (array.size() < minItems) {
                throw new Violation(ErrorCode.OccurrenceConstraintViolation, "fewer than " + minItems + " items");
            }
            if (array.size() > maxItems) {
                throw new Violation(ErrorCode.OccurrenceConstraintViolation, "more than " + maxItems + " items");
            }
            for (int i = 0; i < array.size(); i++) {
                try {
                    items.check(array.get(i));
                } catch (Violation v) {
                    throw v.at("[" + i + "]");
                }
            }
        }
    }

    /** {@code enumName} is the schema definition the values come from, for the message; null for a plain string. */
    record StringRule(int minLength, int maxLength, Set<String> values, String enumName, boolean dateTime)
            implements Rule {
        @Override
        public void check(JsonElement value) {
            if (!(value instanceof JsonPrimitive p) || !p.isString()) {
                throw wrongType("string", value);
            }
            String s = p.getAsString();
            // Lengths count code points; UTF-16 length is an upper bound, so most strings skip the count.
            if (s.length() > maxLength && s.codePointCount(0, s.length()) > maxLength) {
                throw new Violation(ErrorCode.PropertyConstraintViolation, "longer than " + maxLength + " characters");
            }
            if (s.length() < minLength || minLength > 0 && s.codePointCount(0, s.length()) < minLength) {
                throw new Violation(ErrorCode.PropertyConstraintViolation, "shorter than " + minLength + " characters");
            }
            if (values != null && !values.contains(s)) {
                throw new Violation(ErrorCode.PropertyConstraintViolation,
                        enumName == null ? "not an allowed value" : "not a " + enumName + " value");
            }
            if (dateTime && Rfc3339.parseOrNull(s) == null) {
                throw new Violation(ErrorCode.PropertyConstraintViolation, "not an RFC 3339 date-time");
            }
        }
    }

    /**
     * A JSON number without a fraction. Also within 32 bits: OCPP defines its integer as a 32-bit signed value,
     * and the generated records hold {@code Integer}, so a validated payload always binds.
     */
    record IntegerRule(double minimum, double maximum) implements Rule {
        private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
        private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

        @Override
        public void check(JsonElement value) {
            if (!(value instanceof JsonPrimitive p) || !p.isNumber()) {
                throw wrongType("integer", value);
            }
            long n = intValue(p.getAsNumber());
            if (n < minimum) {
                throw new Violation(ErrorCode.PropertyConstraintViolation, "below the minimum " + bound(minimum));
            }
            if (n > maximum) {
                throw new Violation(ErrorCode.PropertyConstraintViolation, "above the maximum " + bound(maximum));
            }
        }

        private static long intValue(Number number) {
            if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
                return number.intValue();
            }
            String text = number.toString();
            if (text.length() <= 11 && text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
                long n = Long.parseLong(text); // at most 11 characters: fits a long, maybe not an int
                if (n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE) {
                    return n;
                }
                throw outOfRange();
            }
            BigDecimal d;
            try {
                d = new BigDecimal(text);
            } catch (NumberFormatException e) { // NaN or infinity from a Double built in code
                throw new Violation(ErrorCode.TypeConstraintViolation, "expected integer, got a non-finite number");
            }
            if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
                throw new Violation(ErrorCode.TypeConstraintViolation, "expected integer, got a fraction");
            }
            if (d.compareTo(INT_MIN) < 0 || d.compareTo(INT_MAX) > 0) {
                throw outOfRange();
            }
            return d.longValue();
        }

        private static Violation outOfRange() {
            return new Violation(ErrorCode.PropertyConstraintViolation, "outside the 32-bit integer range");
        }
    }

    record NumberRule(double minimum, double maximum) implements Rule {
        @Override
        public void check(JsonElement value) {
            if (!(value instanceof JsonPrimitive p) || !p.isNumber()) {
                throw wrongType("number", value);
            }
            double n = p.getAsDouble();
            if (!Double.isFinite(n)) { // only from code or lenient parsing: JSON itself has no NaN or infinity
                throw new Violation(ErrorCode.TypeConstraintViolation, "expected number, got a non-finite value");
            }
            if (n < minimum) {
                throw new Violation(ErrorCode.PropertyConstraintViolation, "below the minimum " + bound(minimum));
            }
            if (n > maximum) {
                throw new Violation(ErrorCode.PropertyConstraintViolation, "above the maximum " + bound(maximum));
            }
        }
    }

    record BooleanRule() implements Rule {
        @Override
        public void check(JsonElement value) {
            if (!(value instanceof JsonPrimitive p) || !p.isBoolean()) {
                throw wrongType("boolean", value);
            }
        }
    }

    /** A property with no type at all (DataTransfer's {@code data}): any JSON value. */
    record AnyRule() implements Rule {
        @Override
        public void check(JsonElement value) {
        }
    }

    private static Violation wrongType(String expected, JsonElement actual) {
        return new Violation(ErrorCode.TypeConstraintViolation, "expected " + expected + ", got " + kind(actual));
    }

    private static String kind(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "null";
        }
        if (e.isJsonObject()) {
            return "object";
        }
        if (e.isJsonArray()) {
            return "array";
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        return p.isBoolean() ? "boolean" : p.isNumber() ? "number" : "string";
    }

    private static String bound(double b) {
        return b == Math.rint(b) ? Long.toString((long) b) : Double.toString(b);
    }
}
