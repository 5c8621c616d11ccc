package org.factspan.agreement.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.factspan.agreement.PairValue;

/**
 * A symmetric annotator × annotator matrix of one measure's pair values: a CSS grid of cells, each coloured on the
 * viridis scale (perceptually uniform, readable with the common colour-vision deficiencies and in greyscale) and
 * showing its number, with text in black or white, whichever contrasts more. Values are clamped to [0, 1] for the
 * colour only (a negative kappa looks like 0 but shows its number); undefined pairs are grey "n/a".
 */
class PairHeatmap extends Div {

    /** Viridis at 0, 1/8, ..., 1. */
    static final int[] VIRIDIS = {0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779, 0x6ece58,
            0xfde725};

    private final Div matrix = new Div();

    PairHeatmap() {
        setId("heatmap");
        matrix.setId("heatmap-matrix");
        matrix.getStyle().set("display", "grid").set("gap", "2px").set("width", "fit-content")
                .set("font-variant-numeric", "tabular-nums");
        add(matrix, legend());
    }

    /** Shows the pair values of {@code annotators}; pairs not listed are undefined. */
    void show(List<String> annotators, List<PairValue> pairs) {
        matrix.removeAll();
        matrix.getStyle().set("grid-template-columns", "auto repeat(" + Math.max(1, annotators.size())
                + ", minmax(4.5rem, max-content))");
        Map<String, Double> values = new HashMap<>();
        for (PairValue p : pairs) {
            values.put(p.a() + "\u0000" + p.b(), p.value());
            values.put(p.b() + "\u0000" + p.a(), p.value());
        }
        matrix.add(header(""));
        annotators.forEach(a -> matrix.add(header(a)));
        for (String row : annotators) {
            matrix.add(header(row));
            for (String column : annotators) {
                matrix.add(row.equals(column) ? diagonal() : cell(row, column, values.getOrDefault(row + "\u0000" + column,
                        Double.NaN)));
            }
        }
    }

    /** The cell texts row by row, without headers (for tests). */
    List<String> cellTexts() {
        return matrix.getChildren().filter(c -> c.getElement().hasAttribute("data-cell"))
                .map(c -> c.getElement().getText()).toList();
    }

    private static Div header(String text) {
        Div header = new Div(text);
        header.getStyle().set("font-weight", "600").set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
                .set("align-self", "center");
        return header;
    }

    private static Div diagonal() {
        Div cell = baseCell("—");
        cell.getStyle().set("background", "var(--lumo-contrast-5pct)").set("color", "var(--lumo-secondary-text-color)");
        return cell;
    }

    private static Div cell(String a, String b, double value) {
        if (Double.isNaN(value)) {
            Div cell = baseCell("n/a");
            cell.getStyle().set("background", "var(--lumo-contrast-10pct)")
                    .set("color", "var(--lumo-secondary-text-color)");
            cell.getElement().setAttribute("title", a + " / " + b + ": undefined (neither has anything to compare)");
            return cell;
        }
        int rgb = color(value);
        Div cell = baseCell(format(value));
        cell.getStyle().set("background", hex(rgb)).set("color", textOn(rgb));
        cell.getElement().setAttribute("title", a + " / " + b + ": " + format(value));
        return cell;
    }

    private static Div baseCell(String text) {
        Div cell = new Div(text);
        cell.getElement().setAttribute("data-cell", "");
        cell.getStyle().set("padding", "var(--lumo-space-s)").set("text-align", "center")
                .set("border-radius", "var(--lumo-border-radius-s)").set("min-width", "3.5rem");
        return cell;
    }

    private static Div legend() {
        Div bar = new Div();
        StringBuilder gradient = new StringBuilder("linear-gradient(to right");
        for (int i = 0; i < VIRIDIS.length; i++) {
            gradient.append(", ").append(hex(VIRIDIS[i])).append(' ').append(100 * i / (VIRIDIS.length - 1)).append('%');
        }
        bar.getStyle().set("background", gradient.append(')').toString()).set("height", "0.75rem").set("width", "12rem")
                .set("border-radius", "var(--lumo-border-radius-s)");
        Div legend = new Div(new Span("0 (or less)"), bar, new Span("1"));
        legend.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("align-items", "center")
                .set("margin-top", "var(--lumo-space-s)").set("font-size", "var(--lumo-font-size-s)")
                .set("color", "var(--lumo-secondary-text-color)");
        return legend;
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** The viridis colour of {@code value} clamped to [0, 1], interpolated linearly between the stops. */
    static int color(double value) {
        double v = Math.max(0, Math.min(1, value)) * (VIRIDIS.length - 1);
        int i = Math.min(VIRIDIS.length - 2, (int) Math.floor(v));
        double t = v - i;
        int from = VIRIDIS[i];
        int to = VIRIDIS[i + 1];
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int a = (from >> shift) & 0xff;
            int b = (to >> shift) & 0xff;
            rgb |= ((int) Math.round(a + (b - a) * t)) << shift;
        }
        return rgb;
    }

    /** Black or white, whichever has the higher WCAG contrast on {@code rgb}. */
    static String textOn(int rgb) {
        double l = luminance(rgb);
        double onBlack = (l + 0.05) / 0.05;
        double onWhite = 1.05 / (l + 0.05);
        return onBlack >= onWhite ? "#000000" : "#ffffff";
    }

    static double luminance(int rgb) {
        double sum = 0;
        double[] weights = {0.2126, 0.7152, 0.0722};
        for (int k = 0; k < 3; k++) {
            double c = ((rgb >> (16 - 8 * k)) & 0xff) / 255.0;
            c = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
            sum += weights[k] * c;
        }
        return sum;
    }

    static String hex(int rgb) {
        return String.format("#%06x", rgb);
    }
}
