package org.v2gcsms.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The small CSV dialect of fleet and arrival files: comma-separated, a header line, {@code #} comments. */
record Csv(String source, List<Row> rows) {

    record Row(String source, int line, Map<String, String> cells) {
        String text(String column) {
            String v = cells.get(column);
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException(source + " line " + line + ": column " + column + " is empty");
            }
            return v;
        }

        double number(String column) {
            return parse(column, text(column));
        }

        double number(String column, double absent) {
            String v = cells.get(column);
            return v == null || v.isBlank() ? absent : parse(column, v);
        }

        boolean bool(String column, boolean absent) {
            String v = cells.get(column);
            return v == null || v.isBlank() ? absent : Boolean.parseBoolean(v.trim());
        }

        private double parse(String column, String v) {
            try {
                return Double.parseDouble(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + " line " + line + ": " + column + " is not a number");
            }
        }
    }

    static Csv read(Reader reader, String source) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
            n++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] cells = trimmed.split(",", -1);
            if (header == null) {
                header = new ArrayList<>();
                for (String c : cells) {
                    header.add(c.strip().toLowerCase(Locale.ROOT));
                }
                continue;
            }
            if (cells.length > header.size()) {
                throw new IllegalArgumentException(source + " line " + n + ": more cells than header columns");
            }
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < cells.length; i++) {
                row.put(header.get(i), cells[i].strip());
            }
            rows.add(new Row(source, n, row));
        }
        if (header == null) {
            throw new IllegalArgumentException(source + " has no header line");
        }
        return new Csv(source, rows);
    }
}
