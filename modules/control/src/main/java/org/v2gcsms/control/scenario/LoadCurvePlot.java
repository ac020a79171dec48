package org.v2gcsms.control.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG plots of a scenario's load curves (one series per case), drawn headless with XChart. */
public final class LoadCurvePlot {

    private LoadCurvePlot() {}

    /** Writes {@code file} (PNG) with each case's {@code series} per step, in MW, against the hour of day. */
    public static void write(Path file, String title, List<LoadCase> cases, Function<LoadCase, double[]> series,
                             String yTitle) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(1100).height(560).title(title).xAxisTitle("hour of day")
                .yAxisTitle(yTitle).build();
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        for (LoadCase c : cases) {
            double[] y = series.apply(c);
            double[] x = new double[y.length];
            double[] mw = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                x[i] = i / (double) c.stepsPerHour();
                mw[i] = y[i] / 1000;
            }
            chart.addSeries(c.name(), x, mw).setMarker(SeriesMarkers.NONE);
        }
        String name = file.toString().replaceFirst("\\.png$", "");
        BitmapEncoder.saveBitmap(chart, name, BitmapEncoder.BitmapFormat.PNG);
    }
}
